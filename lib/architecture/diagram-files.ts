import type { StackDocument } from "../synthesized/stack-resources";
import { architectureDiagram } from "./architecture-diagram";
import { toDot } from "./dot";
import { toMermaid } from "./mermaid";
import { renderSvgs } from "./render-svg";

export const DIAGRAM_DIR = "docs";
export const DIAGRAM_FILE = /^architecture-(.+)\.svg$/;
export const ARCHITECTURE_BLOCK = { name: "architecture", command: "npm run diagram" };

export function diagramPath(environment: string): string {
  return `${DIAGRAM_DIR}/architecture-${environment}.svg`;
}

/** What `npm run diagram` writes: an SVG per environment and the README's Mermaid block. */
export interface DiagramFiles {
  /** SVG text by path relative to the project root. */
  readonly svgs: ReadonlyMap<string, string>;
  readonly readmeBlock: string;
}

export function diagramFiles(
  environments: readonly { readonly name: string; readonly document: StackDocument }[],
): DiagramFiles {
  const diagrams = environments.map((env) => ({
    name: env.name,
    diagram: architectureDiagram(env.name, env.document),
  }));
  const svgs = renderSvgs(diagrams.map((d) => toDot(d.diagram)));
  const sections = diagrams.map(
    ({ name, diagram }) =>
      `### ${name}\n\n[SVG](${diagramPath(name)})\n\n\`\`\`mermaid\n${toMermaid(diagram)}\n\`\`\``,
  );
  return {
    svgs: new Map(diagrams.map((d, i) => [diagramPath(d.name), svgs[i]])),
    readmeBlock: sections.join("\n\n"),
  };
}
