import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";

/**
 * Every file and folder under `dir` (folders as `path/`, files with their content in base64), for
 * byte-for-byte comparisons: an added, removed or changed file or folder makes two snapshots differ.
 */
export function snapshotTree(dir: string): Record<string, string> {
  const entries: Record<string, string> = {};
  const walk = (current: string): void => {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const path = join(current, entry.name);
      if (entry.isDirectory()) {
        entries[`${relative(dir, path)}/`] = "";
        walk(path);
      } else entries[relative(dir, path)] = readFileSync(path, "base64");
    }
  };
  walk(dir);
  return entries;
}
