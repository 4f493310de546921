import { readFileSync } from "node:fs";
import { join } from "node:path";
import { formatMarkdown } from "./format-markdown";
import { replaceGeneratedBlock, type GeneratedBlock } from "./generated-block";

export const README = "README.md";

/** The project README as it is, and as it is with one generated block rewritten. */
export interface ReadmeUpdate {
  readonly path: string;
  readonly current: string;
  readonly expected: string;
}

export function readmeWithBlock(
  root: string,
  block: GeneratedBlock,
  content: string,
): ReadmeUpdate {
  const path = join(root, README);
  const current = readFileSync(path, "utf8");
  const text = replaceGeneratedBlock(current, block, content, { required: true });
  const [expected] = formatMarkdown([{ text, filePath: path }]);
  return { path, current, expected };
}
