// `npm run config-sample`: prints what `npm run synth` reports for a project with mistakes in
// every file (__tests__/fixtures/config-sample: its committed state, then the files as edited,
// in a git checkout), the sample in the README's "Configuration checks".
//   --readme   write the sample into README.md instead
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readmeWithBlock, type ReadmeUpdate } from "../lib/readme-block";
import { exitOnError } from "../stacks/error-report";
import { commitAll } from "./git-checkout";

export const CONFIG_SAMPLE_BLOCK = {
  name: "config-sample",
  command: "npm run config-sample -- --readme",
};
const FIXTURE = join(__dirname, "..", "__tests__", "fixtures", "config-sample");

/** The fixture's committed configuration, with its edited files over it, in a git checkout. */
export function sampleProject(): string {
  const root = mkdtempSync(join(tmpdir(), "config-sample-"));
  cpSync(join(FIXTURE, "committed"), root, { recursive: true });
  commitAll(root);
  cpSync(join(FIXTURE, "edited"), root, { recursive: true });
  return root;
}

/** What `npm run synth` prints on the sample project (npm's own header left out). */
export function configSample(): string {
  const root = sampleProject();
  try {
    const synth = spawnSync(
      process.execPath,
      ["--require", join(__dirname, "register-ts.js"), join(__dirname, "..", "main.ts")],
      { cwd: root, encoding: "utf8" },
    );
    return `$ npm run synth\n${synth.stdout}${synth.stderr}`.trimEnd();
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/** The README with the sample written into its block. */
export function configSampleReadme(root: string): ReadmeUpdate {
  return readmeWithBlock(root, CONFIG_SAMPLE_BLOCK, `\`\`\`text\n${configSample()}\n\`\`\``);
}

function main(): void {
  if (!process.argv.includes("--readme")) {
    console.log(configSample());
    return;
  }
  const readme = configSampleReadme(process.cwd());
  if (readme.current !== readme.expected) writeFileSync(readme.path, readme.expected);
  console.log(`${readme.current === readme.expected ? "unchanged" : "wrote"} ${readme.path}`);
}

if (require.main === module) exitOnError(main);
