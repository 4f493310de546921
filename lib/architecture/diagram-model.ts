/** What a node stands for: it decides the node's shape and colour in every rendering. */
export type NodeKind =
  | "internet"
  | "network"
  | "gateway"
  | "load-balancer"
  | "service"
  | "database"
  | "storage"
  | "security"
  | "registry"
  | "operations";

export interface DiagramNode {
  readonly id: string;
  readonly kind: NodeKind;
  /** The label, one entry per line. */
  readonly lines: readonly string[];
}

/** A box around nodes: a region, a VPC, an AZ, a cluster. */
export interface DiagramGroup {
  readonly id: string;
  readonly label: string;
  readonly nodes: DiagramNode[];
  readonly groups: DiagramGroup[];
}

export interface DiagramEdge {
  readonly from: string;
  readonly to: string;
  readonly label?: string;
  /** Control-plane or background relations (images, backups, logs), drawn dashed. */
  readonly dashed?: boolean;
  /** A way back to something drawn earlier (egress to the internet): it must not decide the layout. */
  readonly returning?: boolean;
}

/** An environment's architecture, independent of how it is drawn. */
export interface ArchitectureDiagram {
  readonly title: string;
  /** Top-level nodes and groups (the internet, the regions). */
  readonly root: DiagramGroup;
  readonly edges: readonly DiagramEdge[];
}

/** An identifier every renderer accepts, from a Terraform name. */
export function diagramId(prefix: string, name: string): string {
  return `${prefix}_${name.replace(/[^A-Za-z0-9]/g, "_")}`;
}

export function newGroup(id: string, label: string): DiagramGroup {
  return { id, label, nodes: [], groups: [] };
}

/** Groups without nodes, directly or below, are left out. */
export function pruneEmptyGroups(group: DiagramGroup): DiagramGroup {
  const groups = group.groups
    .map(pruneEmptyGroups)
    .filter((g) => g.nodes.length + g.groups.length > 0);
  return { ...group, groups };
}

/** Every node of a group and the groups below it. */
export function allNodes(group: DiagramGroup): DiagramNode[] {
  return [...group.nodes, ...group.groups.flatMap(allNodes)];
}
