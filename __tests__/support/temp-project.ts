import { cpSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join, resolve } from "node:path";
import { SHARED_BUILD_CONTEXTS } from "../../lib/shared-build-contexts";
import { tempDir } from "./temp-dir";

export const REPO_ROOT = resolve(__dirname, "..", "..");

/** The command that synthesizes a project directory with this repository's code. */
export const SYNTH_COMMAND = [
  "node",
  "--require",
  join(REPO_ROOT, "scripts/register-ts.js"),
  join(REPO_ROOT, "main.ts"),
];

const WITHOUT_BUILD_OUTPUT = {
  recursive: true,
  filter: (source: string) => !/[/\\](node_modules|dist|coverage)([/\\]|$)/.test(source),
};

/**
 * Copies the folders every image is built with (lib/shared-build-contexts.ts) into a project:
 * synthesis hashes them into every image tag, so a project without them cannot synthesize.
 */
export function copySharedBuildContexts(root: string): void {
  for (const folder of Object.values(SHARED_BUILD_CONTEXTS)) {
    cpSync(join(REPO_ROOT, folder), join(root, folder), WITHOUT_BUILD_OUTPUT);
  }
}

/** A temporary copy of a fixture project of __tests__/fixtures, with the shared build contexts. */
export function fixtureProjectCopy(fixture: string): string {
  const root = tempDir(`${basename(fixture)}-`);
  cpSync(fixture, root, { recursive: true });
  copySharedBuildContexts(root);
  return root;
}

/**
 * A temporary copy of the repository's configuration (environments, service folders and the
 * folders every image is built with, without their dependencies or build output), with a
 * cdktf.json whose app runs this repository's code.
 */
export function makeTempProject(): string {
  const root = mkdtempSync(join(tmpdir(), "project-"));
  cpSync(join(REPO_ROOT, "environments"), join(root, "environments"), { recursive: true });
  cpSync(join(REPO_ROOT, "services"), join(root, "services"), WITHOUT_BUILD_OUTPUT);
  copySharedBuildContexts(root);
  const cdktfJson = JSON.parse(readFileSync(join(REPO_ROOT, "cdktf.json"), "utf8"));
  writeFileSync(
    join(root, "cdktf.json"),
    JSON.stringify({ ...cdktfJson, app: SYNTH_COMMAND.join(" ") }, null, 2),
  );
  return root;
}

/** Edits a JSON file of a project in place. */
export function editJson(
  root: string,
  file: string,
  edit: (json: Record<string, any>) => void,
): void {
  const path = join(root, file);
  const json = JSON.parse(readFileSync(path, "utf8"));
  edit(json);
  writeFileSync(path, JSON.stringify(json, null, 2));
}

/** What a checkout holds besides the configuration: the code that synthesizes it. */
const CODE = [
  "main.ts",
  "package.json",
  "cdktf.json",
  "tsconfig.json",
  "config",
  "constructs",
  "lib",
  "modules",
  "policy",
  "schemas",
  "scripts",
  "stacks",
];

/**
 * A temporary copy of the repository's code and configuration (its node_modules linked, not
 * copied), for tests that change the code itself and run it as a user would (`npm run synth`).
 */
export function makeTempCheckout(): string {
  const root = makeTempProject();
  for (const entry of CODE) cpSync(join(REPO_ROOT, entry), join(root, entry), { recursive: true });
  symlinkSync(join(REPO_ROOT, "node_modules"), join(root, "node_modules"), "dir");
  return root;
}

/** Replaces text in a file of a project; fails when the text is not there. */
export function editText(root: string, file: string, from: string, to: string): void {
  const path = join(root, file);
  const text = readFileSync(path, "utf8");
  if (!text.includes(from)) throw new Error(`${file} does not contain ${JSON.stringify(from)}`);
  writeFileSync(path, text.replace(from, to));
}
