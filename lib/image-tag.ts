import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";

/** Folders that are build output or installed dependencies, not the service's source. */
const IGNORED_DIRECTORIES = new Set(["node_modules", "dist", "coverage", ".git"]);

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return IGNORED_DIRECTORIES.has(entry.name) ? [] : listFiles(path);
    return entry.isFile() ? [path] : [];
  });
}

/**
 * The image tag of a service: a hash of every file in its folder (source, Dockerfile, manifest).
 * It changes when, and only when, one of those files changes, whatever the machine or checkout path.
 */
export function imageTag(serviceDir: string): string {
  const hash = createHash("sha256");
  const files = listFiles(serviceDir)
    .map((file) => ({ file, name: relative(serviceDir, file).split(sep).join("/") }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const { file, name } of files) {
    hash.update(`${name}\0`);
    hash.update(readFileSync(file));
    hash.update("\0");
  }
  return hash.digest("hex").slice(0, 16);
}
