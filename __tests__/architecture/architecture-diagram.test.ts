import { readFileSync } from "node:fs";
import { join } from "node:path";
import { architectureDiagram } from "../../lib/architecture/architecture-diagram";
import { allNodes, type DiagramGroup } from "../../lib/architecture/diagram-model";
import { toDot } from "../../lib/architecture/dot";
import { toMermaid } from "../../lib/architecture/mermaid";
import type { StackDocument } from "../../lib/synthesized/stack-resources";

const FIXTURE = join(__dirname, "..", "fixtures", "architecture", "small-stack.json");
const stack = JSON.parse(readFileSync(FIXTURE, "utf8")) as StackDocument;
const diagram = architectureDiagram("demo", stack);

const id = (name: string) => `n_${name.replace(/[^A-Za-z0-9]/g, "_")}`;
const node = (name: string) => allNodes(diagram.root).find((n) => n.id === id(name));
const edge = (from: string, to: string) =>
  diagram.edges.find(
    (e) =>
      e.from === (from === "internet" ? from : id(from)) &&
      e.to === (to === "internet" ? to : id(to)),
  );

function findGroup(group: DiagramGroup, label: string): DiagramGroup | undefined {
  if (group.label === label) return group;
  for (const child of group.groups) {
    const found = findGroup(child, label);
    if (found) return found;
  }
  return undefined;
}

describe("architecture read from a synthesized stack", () => {
  it("puts each subnet in its AZ, public when its route table leads to an internet gateway", () => {
    const azA = findGroup(diagram.root, "eu-west-1a");
    expect(azA?.nodes.map((n) => n.lines.join(" "))).toEqual([
      "public subnet 10.1.0.0/24",
      "private subnet 10.1.8.0/24",
    ]);
    expect(findGroup(diagram.root, "VPC 10.1.0.0/16")?.groups.map((g) => g.label)).toEqual(
      expect.arrayContaining(["eu-west-1a", "eu-west-1b"]),
    );
  });

  it("draws the NAT gateway in the AZ of its subnet and each private subnet's default route to it", () => {
    expect(findGroup(diagram.root, "eu-west-1b")?.nodes.map((n) => n.id)).toContain(id("net_nat"));
    expect(edge("net_inner-a", "net_nat")?.label).toBe("0.0.0.0/0");
    expect(edge("net_inner-b", "net_nat")?.label).toBe("0.0.0.0/0");
    expect(edge("net_nat", "internet")).toMatchObject({ label: "egress", returning: true });
  });

  it("shows the endpoints, the load balancer's listeners and what each does by default", () => {
    expect(node("net_logs")?.lines).toEqual(["logs endpoint", "(interface)"]);
    expect(node("front_lb")?.lines).toEqual([
      "Application Load Balancer",
      "demo (internet-facing)",
      "HTTP :80 else 404",
      "HTTP :9090",
    ]);
    expect(edge("internet", "front_lb")?.label).toBe("HTTP :80, HTTP :9090");
    expect(edge("edge_acl", "front_lb")?.label).toBe("filters requests");
  });

  it("routes to each service by listener port and path, through its target group", () => {
    expect(edge("front_lb", "apps_svc-alpha")?.label).toBe("HTTP :80 /alpha/*");
    expect(edge("front_lb", "apps_svc-beta")?.label).toBe("HTTP :9090");
  });

  it("describes each service: port, tasks with their autoscaling range, task size", () => {
    expect(node("apps_svc-alpha")?.lines).toEqual([
      "alpha :9000",
      "3 tasks (2–5) × 0.5 vCPU, 1 GB",
      "Fargate",
    ]);
    expect(node("apps_svc-beta")?.lines[1]).toBe("1 task × 0.25 vCPU, 0.5 GB");
    expect(findGroup(diagram.root, "ECS cluster demo (Container Insights)")?.nodes).toHaveLength(2);
  });

  it("finds calls between services from a caller's environment naming a callee's Service Connect alias", () => {
    expect(edge("apps_svc-alpha", "apps_svc-beta")?.label).toBe("calls beta:9001");
    expect(edge("apps_svc-beta", "apps_svc-alpha")).toBeUndefined();
  });

  it("links each service to the data stores its task definition or task role policies name, and to its image", () => {
    expect(edge("apps_svc-alpha", "data_table")?.label).toBe("items");
    expect(edge("apps_svc-beta", "data_db")?.label).toBe("SQL");
    expect(edge("apps_svc-alpha", "images_alpha")).toMatchObject({ label: "image", dashed: true });
    expect(findGroup(diagram.root, "VPC 10.1.0.0/16")?.nodes.map((n) => n.id)).toContain(
      id("data_db"),
    );
  });

  it("backs up what the selection's tags pick, into the plan's vault, copied to the other region's vault", () => {
    expect(edge("data_db", "keep_vault")?.label).toBe("nightly, kept 7 days");
    expect(edge("data_table", "keep_vault")).toBeUndefined();
    expect(edge("keep_vault", "keep_copy")?.label).toBe("copy to eu-central-1");
    expect(findGroup(diagram.root, "AWS eu-central-1")?.nodes.map((n) => n.id)).toEqual([
      id("keep_copy"),
    ]);
  });

  it("draws the same diagram whatever the order of the resources in the file", () => {
    const reversed: StackDocument = {
      ...stack,
      resource: Object.fromEntries(
        Object.entries(stack.resource ?? {})
          .reverse()
          .map(([type, byName]) => [type, Object.fromEntries(Object.entries(byName).reverse())]),
      ),
    };
    const again = architectureDiagram("demo", reversed);
    expect(toDot(again)).toBe(toDot(diagram));
    expect(toMermaid(again)).toBe(toMermaid(diagram));
  });
});

describe("renderings", () => {
  it("DOT: a cluster per group, a node per resource, labelled edges, egress not constraining the layout", () => {
    const dot = toDot(diagram);
    expect(dot).toMatch(/^digraph "demo" \{/);
    expect(dot).toContain("subgraph cluster_az_net_vpc_eu_west_1a {");
    expect(dot).toContain(
      `${id("apps_svc-alpha")} -> ${id("apps_svc-beta")} [label="calls beta:9001"];`,
    );
    expect(dot).toContain(`${id("net_nat")} -> internet [label="egress", constraint=false];`);
    expect(dot).toContain(
      `${id("data_db")} [label="RDS postgres 16\\ndemo-db\\ndb.t4g.micro · single AZ\\n20 GB gp3", shape=cylinder`,
    );
  });

  it("Mermaid: subgraphs, shapes, quoted labels and dashed background edges", () => {
    const mermaid = toMermaid(diagram);
    expect(mermaid.split("\n")[0]).toBe("flowchart LR");
    expect(mermaid).toContain('subgraph region_eu_west_1["AWS eu-west-1"]');
    expect(mermaid).toContain(
      `${id("data_db")}[("RDS postgres 16<br/>demo-db<br/>db.t4g.micro · single AZ<br/>20 GB gp3")]`,
    );
    expect(mermaid).toContain(`${id("apps_svc-alpha")} -.->|"image"| ${id("images_alpha")}`);
    expect(mermaid).toContain(`${id("front_lb")} -->|"HTTP :80 /alpha/*"| ${id("apps_svc-alpha")}`);
  });
});
