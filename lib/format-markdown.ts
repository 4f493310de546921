import { join } from "node:path";
import { runJsonWorker } from "./json-worker";

export interface MarkdownDocument {
  readonly text: string;
  /** Where the document lives: Prettier's settings for that path apply. */
  readonly filePath: string;
}

/** Markdown documents as the project's Prettier settings print them (so `npm run lint` accepts them). */
export function formatMarkdown(documents: readonly MarkdownDocument[]): string[] {
  if (documents.length === 0) return [];
  return runJsonWorker<string[]>(join(__dirname, "format-markdown-worker.mjs"), documents);
}
