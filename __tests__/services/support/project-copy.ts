import { chmodSync, cpSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { ROOT } from "./local-stack";

/** What a checkout holds that is not the project itself: installed, built or local state. */
const NOT_COPIED = new Set([
  ".git",
  "node_modules",
  "dist",
  "coverage",
  "cdktf.out",
  ".dev",
  ".offline-plan",
  ".terraform-cli",
]);

/**
 * A copy of the whole project in a temporary folder, its node_modules linked to this checkout's:
 * for commands that change the project, run as a user runs them. `remove()` deletes it.
 */
export function copyOfProject(): { readonly root: string; remove(): void } {
  const root = mkdtempSync(join(tmpdir(), "project-copy-"));
  // PostgreSQL runs as the postgres OS user when the tests run as root: it must enter the copy.
  chmodSync(root, 0o711);
  cpSync(ROOT, root, {
    recursive: true,
    filter: (source) => source === ROOT || !NOT_COPIED.has(basename(source)),
  });
  symlinkSync(join(ROOT, "node_modules"), join(root, "node_modules"), "dir");
  return { root, remove: () => rmSync(root, { recursive: true, force: true }) };
}
