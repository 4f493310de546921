import { execFileSync } from "node:child_process";
import { join } from "node:path";

export interface MarkdownDocument {
  readonly text: string;
  /** Where the document lives: Prettier's settings for that path apply. */
  readonly filePath: string;
}

/** Markdown documents as the project's Prettier settings print them (so `npm run lint` accepts them). */
export function formatMarkdown(documents: readonly MarkdownDocument[]): string[] {
  if (documents.length === 0) return [];
  const output = execFileSync(process.execPath, [join(__dirname, "format-markdown-worker.mjs")], {
    input: JSON.stringify(documents),
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(output) as string[];
}
