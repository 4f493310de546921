import type { ArchitectureDiagram, DiagramGroup, DiagramNode, NodeKind } from "./diagram-model";

/** Mermaid's node shapes, by kind. */
const SHAPES: Readonly<Record<NodeKind, [string, string]>> = {
  internet: ["((", "))"],
  network: ["[", "]"],
  gateway: ["[", "]"],
  "load-balancer": ["[", "]"],
  service: ["(", ")"],
  database: ["[(", ")]"],
  storage: ["[/", "/]"],
  security: ["{{", "}}"],
  registry: ["[", "]"],
  operations: ["[", "]"],
};

/** Text inside a quoted Mermaid label: quotes and markup characters as entities. */
function text(value: string): string {
  return value.replace(/"/g, "#quot;").replace(/</g, "#lt;").replace(/>/g, "#gt;");
}

function nodeLine(node: DiagramNode, indent: string): string {
  const [open, close] = SHAPES[node.kind];
  return `${indent}${node.id}${open}"${node.lines.map(text).join("<br/>")}"${close}`;
}

function groupLines(group: DiagramGroup, depth: number): string[] {
  const indent = "  ".repeat(depth);
  return [
    `${indent}subgraph ${group.id}["${text(group.label)}"]`,
    ...group.nodes.map((n) => nodeLine(n, `${indent}  `)),
    ...group.groups.flatMap((g) => groupLines(g, depth + 1)),
    `${indent}end`,
  ];
}

/** The diagram as a Mermaid flowchart, which GitHub renders in Markdown. */
export function toMermaid(diagram: ArchitectureDiagram): string {
  const edges = diagram.edges.map((edge) => {
    const arrow = edge.dashed ? "-.->" : "-->";
    const label = edge.label ? `|"${text(edge.label)}"|` : "";
    return `  ${edge.from} ${arrow}${label} ${edge.to}`;
  });
  return [
    "flowchart LR",
    ...diagram.root.nodes.map((n) => nodeLine(n, "  ")),
    ...diagram.root.groups.flatMap((g) => groupLines(g, 1)),
    ...edges,
  ].join("\n");
}
