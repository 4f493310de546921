// `npm run docs`: writes the inputs and outputs tables of every modules/<name>/README.md from the
// module's props interfaces and public read-only properties (between generated markers).
//   --check   write nothing; exit 1 when a README differs from what its module says
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { moduleReadmes } from "../lib/module-docs/module-readmes";

function main(): void {
  const check = process.argv.includes("--check");
  const root = process.cwd();
  const readmes = moduleReadmes(root);
  const stale = readmes.filter((r) => r.current !== r.expected);
  for (const readme of readmes) for (const gap of readme.gaps) console.warn(`warning: ${gap}`);
  if (check) {
    for (const readme of stale) console.error(`${readme.path} is out of date: run npm run docs`);
    process.exit(stale.length > 0 ? 1 : 0);
  }
  for (const readme of stale) {
    writeFileSync(join(root, readme.path), readme.expected);
    console.log(`wrote ${readme.path}`);
  }
  console.log(`${readmes.length} module READMEs, ${stale.length} updated`);
}

try {
  main();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
