import {
  ResourceIndex,
  resourceRegion,
  type StackDocument,
  type SynthesizedResource,
} from "../synthesized/stack-resources";
import {
  allNodes,
  diagramId,
  newGroup,
  pruneEmptyGroups,
  type ArchitectureDiagram,
  type DiagramEdge,
  type DiagramGroup,
  type DiagramNode,
  type NodeKind,
} from "./diagram-model";

/** Collects the nodes, groups and edges that the layers of a stack's diagram find. */
export class DiagramBuilder {
  readonly index: ResourceIndex;
  private readonly root: DiagramGroup;
  private readonly edges: DiagramEdge[] = [];
  private readonly groupsById = new Map<string, DiagramGroup>();

  constructor(
    private readonly title: string,
    readonly stack: StackDocument,
  ) {
    this.index = new ResourceIndex(stack);
    this.root = newGroup("root", title);
  }

  nodeId(resource: SynthesizedResource): string {
    return diagramId("n", resource.name);
  }

  /** A group below `parent` (the top level when none), created on first use. */
  group(id: string, label: string, parent: DiagramGroup = this.root): DiagramGroup {
    const existing = this.groupsById.get(id);
    if (existing) return existing;
    const group = newGroup(id, label);
    parent.groups.push(group);
    this.groupsById.set(id, group);
    return group;
  }

  regionGroup(region: string): DiagramGroup {
    return this.group(diagramId("region", region), `AWS ${region}`);
  }

  /** The group of the region a resource lives in (its provider's). */
  regionOf(resource: SynthesizedResource): DiagramGroup {
    return this.regionGroup(resourceRegion(this.stack, resource));
  }

  topLevel(): DiagramGroup {
    return this.root;
  }

  addNode(
    group: DiagramGroup,
    target: SynthesizedResource | string,
    kind: NodeKind,
    lines: readonly string[],
  ): DiagramNode {
    const id = typeof target === "string" ? target : this.nodeId(target);
    const node = { id, kind, lines: lines.filter((line) => line.length > 0) };
    group.nodes.push(node);
    return node;
  }

  addEdge(
    from: string,
    to: string,
    label?: string,
    style: { readonly dashed?: boolean; readonly returning?: boolean } = {},
  ): void {
    this.edges.push({ from, to, ...(label ? { label } : {}), ...style });
  }

  /**
   * The diagram: empty groups left out, edges between nodes that exist only, and the edges
   * between one pair of nodes merged into one whose label lists theirs.
   */
  build(): ArchitectureDiagram {
    const root = pruneEmptyGroups(this.root);
    const known = new Set(allNodes(root).map((n) => n.id));
    const merged = new Map<string, { edge: DiagramEdge; labels: string[] }>();
    for (const edge of this.edges) {
      if (!known.has(edge.from) || !known.has(edge.to) || edge.from === edge.to) continue;
      const key = `${edge.from}->${edge.to}`;
      const entry = merged.get(key) ?? { edge, labels: [] };
      if (edge.label && !entry.labels.includes(edge.label)) entry.labels.push(edge.label);
      merged.set(key, entry);
    }
    const edges = [...merged.values()].map(({ edge, labels }) => ({
      ...edge,
      ...(labels.length > 0 ? { label: labels.join("; ") } : {}),
    }));
    return { title: this.title, root, edges };
  }
}

/** A resource's display name: its name argument, else the last part of its construct path. */
export function displayName(resource: SynthesizedResource, ...keys: string[]): string {
  for (const key of [...keys, "name", "identifier", "bucket"]) {
    const value = resource.body[key];
    if (typeof value === "string" && !value.includes("${")) return value;
  }
  const tags = resource.body.tags as Record<string, unknown> | undefined;
  if (typeof tags?.Name === "string" && !tags.Name.includes("${")) return tags.Name;
  return resource.path.split("/").slice(-2).join("/");
}
