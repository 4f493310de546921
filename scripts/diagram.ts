// `npm run diagram`: draws each environment's architecture from its synthesized stack: an SVG per
// environment under docs/ (Graphviz, WebAssembly build) and Mermaid diagrams in the README.
//   --check   write nothing; exit 1 when a committed diagram differs from what the configuration draws
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import {
  ARCHITECTURE_BLOCK,
  DIAGRAM_DIR,
  DIAGRAM_FILE,
  diagramFiles,
} from "../lib/architecture/diagram-files";
import { readmeWithBlock } from "../lib/readme-block";
import { exitOnError } from "../stacks/error-report";
import { synthesizeEnvironments } from "./synthesized-environments";

/** Each file the diagrams consist of, as it is and as it should be (undefined: to be removed). */
export function diagramChanges(
  root: string,
): { path: string; current?: string; expected?: string }[] {
  const environments = synthesizeEnvironments(root).map((e) => ({
    name: e.config.name,
    document: e.document,
  }));
  const files = diagramFiles(environments);
  const read = (path: string) =>
    existsSync(join(root, path)) ? readFileSync(join(root, path), "utf8") : undefined;
  const committed = existsSync(join(root, DIAGRAM_DIR))
    ? readdirSync(join(root, DIAGRAM_DIR))
        .filter((f) => DIAGRAM_FILE.test(f))
        .map((f) => `${DIAGRAM_DIR}/${f}`)
    : [];
  const readme = readmeWithBlock(root, ARCHITECTURE_BLOCK, files.readmeBlock);
  return [
    ...[...files.svgs].map(([path, expected]) => ({ path, current: read(path), expected })),
    ...committed
      .filter((path) => !files.svgs.has(path))
      .map((path) => ({ path, current: read(path) })),
    { path: "README.md", current: readme.current, expected: readme.expected },
  ];
}

function main(): void {
  const check = process.argv.includes("--check");
  const root = process.cwd();
  const stale = diagramChanges(root).filter((c) => c.current !== c.expected);
  if (check) {
    for (const c of stale) console.error(`${c.path} is out of date: run npm run diagram`);
    process.exit(stale.length > 0 ? 1 : 0);
  }
  for (const change of stale) {
    if (change.expected === undefined) rmSync(join(root, change.path));
    else writeFileSync(join(root, change.path), change.expected);
    console.log(`${change.expected === undefined ? "removed" : "wrote"} ${change.path}`);
  }
  console.log(`diagrams: ${stale.length} file(s) updated`);
}

if (require.main === module) exitOnError(main);
