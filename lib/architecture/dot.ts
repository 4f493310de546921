import type { ArchitectureDiagram, DiagramGroup, DiagramNode, NodeKind } from "./diagram-model";

/** Shape and fill per kind of node. */
const NODE_STYLE: Readonly<Record<NodeKind, { shape: string; fill: string }>> = {
  internet: { shape: "oval", fill: "#ffffff" },
  network: { shape: "box", fill: "#e8f1fb" },
  gateway: { shape: "box", fill: "#d7e9f7" },
  "load-balancer": { shape: "box", fill: "#e9d8f5" },
  service: { shape: "box", fill: "#fde7c9" },
  database: { shape: "cylinder", fill: "#d9f0dc" },
  storage: { shape: "folder", fill: "#d9f0dc" },
  security: { shape: "box", fill: "#f9d6d5" },
  registry: { shape: "box", fill: "#fdf3c4" },
  operations: { shape: "box", fill: "#eeeeee" },
};

function quoted(text: string): string {
  return `"${text.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
}

function nodeLine(node: DiagramNode, indent: string): string {
  const style = NODE_STYLE[node.kind];
  const label = node.lines
    .map((line) => line.replace(/\\/g, "\\\\").replace(/"/g, '\\"'))
    .join("\\n");
  return `${indent}${node.id} [label="${label}", shape=${style.shape}, fillcolor=${quoted(style.fill)}];`;
}

function groupLines(group: DiagramGroup, depth: number): string[] {
  const indent = "  ".repeat(depth);
  return [
    `${indent}subgraph cluster_${group.id} {`,
    `${indent}  label=${quoted(group.label)};`,
    ...group.nodes.map((n) => nodeLine(n, `${indent}  `)),
    ...group.groups.flatMap((g) => groupLines(g, depth + 1)),
    `${indent}}`,
  ];
}

/** The diagram in Graphviz's DOT language, left to right. */
export function toDot(diagram: ArchitectureDiagram): string {
  const edges = diagram.edges.map((edge) => {
    const attributes = [
      edge.label ? `label=${quoted(edge.label)}` : "",
      edge.dashed ? "style=dashed" : "",
      edge.returning ? "constraint=false" : "",
    ].filter(Boolean);
    return `  ${edge.from} -> ${edge.to}${attributes.length > 0 ? ` [${attributes.join(", ")}]` : ""};`;
  });
  return [
    `digraph ${quoted(diagram.title)} {`,
    `  graph [label=${quoted(diagram.title)}, labelloc=t, fontname="Helvetica", fontsize=16, rankdir=LR, nodesep=0.3, ranksep=0.8, style=rounded];`,
    `  node [fontname="Helvetica", fontsize=10, style="rounded,filled", margin="0.15,0.06"];`,
    `  edge [fontname="Helvetica", fontsize=9, color="#555555"];`,
    ...diagram.root.nodes.map((n) => nodeLine(n, "  ")),
    ...diagram.root.groups.flatMap((g) => groupLines(g, 1)),
    ...edges,
    "}",
    "",
  ].join("\n");
}
