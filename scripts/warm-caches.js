// Runs once after `npm install` / `npm ci` (postinstall): synthesizes into a throwaway directory so
// the TypeScript compile cache and the schema validator cache are warm before the first real
// synthesis. Best effort: a failure here (e.g. a configuration mistake) is reported by the real
// synthesis instead, so this never fails the install.
"use strict";
const { spawnSync } = require("node:child_process");
const { mkdtempSync, rmSync } = require("node:fs");
const { tmpdir } = require("node:os");
const { join } = require("node:path");

const root = join(__dirname, "..");
const outdir = mkdtempSync(join(tmpdir(), "warm-caches-"));
try {
  spawnSync(process.execPath, ["--require", "./scripts/register-ts.js", "main.ts"], {
    cwd: root,
    stdio: "ignore",
    env: { ...process.env, CDKTF_OUTDIR: join(outdir, "cdktf.out"), CHECKPOINT_DISABLE: "1" },
  });
} finally {
  rmSync(outdir, { recursive: true, force: true });
}
