import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

export const REPO_ROOT = resolve(__dirname, "..", "..");

/** The command that synthesizes a project directory with this repository's code. */
export const SYNTH_COMMAND = [
  "node",
  "--require",
  join(REPO_ROOT, "scripts/register-ts.js"),
  join(REPO_ROOT, "main.ts"),
];

/**
 * A temporary copy of the repository's configuration (environments and service folders without
 * their dependencies or build output), with a cdktf.json whose app runs this repository's code.
 */
export function makeTempProject(): string {
  const root = mkdtempSync(join(tmpdir(), "project-"));
  cpSync(join(REPO_ROOT, "environments"), join(root, "environments"), { recursive: true });
  cpSync(join(REPO_ROOT, "services"), join(root, "services"), {
    recursive: true,
    filter: (source) => !/[/\\](node_modules|dist|coverage)([/\\]|$)/.test(source),
  });
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
