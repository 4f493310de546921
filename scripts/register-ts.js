// Runs TypeScript sources directly in Node: `node --require ./scripts/register-ts.js main.ts`.
// Each .ts file is compiled to CommonJS by SWC (the compiler the tests use, types stripped, no
// type-checking: `npm run typecheck` does that) and cached by content hash, so a warm start loads
// no compiler at all; `npm ci` warms the cache (scripts/warm-caches.js). Figures: `npm run bench`.
"use strict";
const { createHash } = require("node:crypto");
const { mkdirSync, readFileSync, writeFileSync } = require("node:fs");
const { join } = require("node:path");

const CACHE_DIR = join(__dirname, "..", "node_modules", ".cache", "register-ts");
const SWC_OPTIONS = {
  jsc: { parser: { syntax: "typescript" }, target: "es2022" },
  module: { type: "commonjs" },
  swcrc: false,
  configFile: false,
};
let swc;

// cdktf 0.21 (archived upstream) calls util.isArray, which Node 22 deprecates at run time
// (DEP0044) with a warning on every synthesis. Array.isArray is what it always returned.
require("node:util").isArray = Array.isArray;

function compile(source, filename) {
  const key = createHash("sha256").update(source).update(JSON.stringify(SWC_OPTIONS)).digest("hex");
  const cached = join(CACHE_DIR, `${key}.js`);
  try {
    return readFileSync(cached, "utf8");
  } catch {
    swc ??= require("@swc/core");
    const { code } = swc.transformSync(source, { ...SWC_OPTIONS, filename });
    mkdirSync(CACHE_DIR, { recursive: true });
    writeFileSync(cached, code);
    return code;
  }
}

require.extensions[".ts"] = (module, filename) => {
  module._compile(compile(readFileSync(filename, "utf8"), filename), filename);
};
