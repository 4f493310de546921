import { join } from "node:path";
import { runJsonWorker } from "../json-worker";

/** DOT documents laid out as SVG by Graphviz (WebAssembly build); deterministic for one version. */
export function renderSvgs(dots: readonly string[]): string[] {
  if (dots.length === 0) return [];
  return runJsonWorker<{ svgs: string[] }>(join(__dirname, "render-svg-worker.mjs"), dots).svgs;
}
