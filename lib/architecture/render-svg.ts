import { execFileSync } from "node:child_process";
import { join } from "node:path";

/** DOT documents laid out as SVG by Graphviz (WebAssembly build); deterministic for one version. */
export function renderSvgs(dots: readonly string[]): string[] {
  if (dots.length === 0) return [];
  const output = execFileSync(process.execPath, [join(__dirname, "render-svg-worker.mjs")], {
    input: JSON.stringify(dots),
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  return (JSON.parse(output) as { svgs: string[] }).svgs;
}
