import { execFileSync } from "node:child_process";

/**
 * Runs a Node script in a process of its own with `input` as JSON on its stdin, and returns what
 * it prints as JSON: how ES-module-only packages (Prettier 3, the Graphviz WebAssembly build) are
 * used from CommonJS code and from Jest's sandbox, which cannot load them.
 */
export function runJsonWorker<T>(script: string, input: unknown): T {
  const output = execFileSync(process.execPath, [script], {
    input: JSON.stringify(input),
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(output) as T;
}
