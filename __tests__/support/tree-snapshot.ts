import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";

/** Every file and folder under `dir`, files with their content, for byte-for-byte comparisons. */
export function treeSnapshot(dir: string): Record<string, string> {
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
