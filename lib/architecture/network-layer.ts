import type { SynthesizedResource } from "../synthesized/stack-resources";
import type { DiagramBuilder } from "./diagram-builder";
import { diagramId, type DiagramGroup } from "./diagram-model";

export const INTERNET_ID = "internet";

/** The route tables with a default route to an internet gateway: the public tier's. */
function publicRouteTables(builder: DiagramBuilder): Set<string> {
  const tables = new Set<string>();
  for (const route of builder.index.ofType("aws_route")) {
    if (builder.index.referencedBy(route.body.gateway_id, "aws_internet_gateway").length === 0)
      continue;
    for (const table of builder.index.referencedBy(route.body.route_table_id, "aws_route_table")) {
      tables.add(table.address);
    }
  }
  return tables;
}

/** Each subnet's route table (through its association). */
function routeTableOf(
  builder: DiagramBuilder,
  subnet: SynthesizedResource,
): SynthesizedResource | undefined {
  for (const association of builder.index.referencing(subnet, "aws_route_table_association")) {
    const [table] = builder.index.referencedBy(association.body.route_table_id, "aws_route_table");
    if (table) return table;
  }
  return undefined;
}

function endpointLabel(endpoint: SynthesizedResource): string[] {
  const service = String(endpoint.body.service_name ?? "").replace(
    /^com\.amazonaws\.[a-z0-9-]+\./,
    "",
  );
  const type = String(endpoint.body.vpc_endpoint_type ?? "Gateway").toLowerCase();
  return [`${service} endpoint`, `(${type})`];
}

/**
 * The network: the internet, each VPC with an AZ box per availability zone holding its public and
 * private subnets and NAT gateways, each private subnet's default route, and the VPC endpoints.
 * Returns each VPC's group, by the VPC's address.
 */
export function addNetwork(builder: DiagramBuilder): Map<string, DiagramGroup> {
  const { index } = builder;
  builder.addNode(builder.topLevel(), INTERNET_ID, "internet", ["Internet"]);
  const vpcGroups = new Map<string, DiagramGroup>();
  const publicTables = publicRouteTables(builder);
  for (const vpc of index.ofType("aws_vpc")) {
    const vpcGroup = builder.group(
      diagramId("vpc", vpc.name),
      `VPC ${String(vpc.body.cidr_block ?? "")}`.trim(),
      builder.regionOf(vpc),
    );
    vpcGroups.set(vpc.address, vpcGroup);
    const subnets = index.referencing(vpc, "aws_subnet");
    for (const subnet of subnets) {
      const az = String(subnet.body.availability_zone ?? "AZ");
      const azGroup = builder.group(diagramId("az", `${vpc.name}_${az}`), az, vpcGroup);
      const table = routeTableOf(builder, subnet);
      const tier = table && publicTables.has(table.address) ? "public" : "private";
      builder.addNode(azGroup, subnet, "network", [
        `${tier} subnet`,
        String(subnet.body.cidr_block ?? ""),
      ]);
    }
    for (const nat of index.ofType("aws_nat_gateway")) {
      const [subnet] = index.referencedBy(nat.body.subnet_id, "aws_subnet");
      if (!subnet || !subnets.includes(subnet)) continue;
      const az = String(subnet.body.availability_zone ?? "AZ");
      builder.addNode(
        builder.group(diagramId("az", `${vpc.name}_${az}`), az, vpcGroup),
        nat,
        "gateway",
        ["NAT gateway", "(public subnet)"],
      );
      builder.addEdge(builder.nodeId(nat), INTERNET_ID, "egress", { returning: true });
    }
    // Each private subnet's default route: to the NAT gateway its route table names.
    for (const subnet of subnets) {
      const table = routeTableOf(builder, subnet);
      if (!table || publicTables.has(table.address)) continue;
      for (const route of index.referencing(table, "aws_route")) {
        for (const nat of index.referencedBy(route.body.nat_gateway_id, "aws_nat_gateway")) {
          builder.addEdge(
            builder.nodeId(subnet),
            builder.nodeId(nat),
            String(route.body.destination_cidr_block ?? ""),
          );
        }
      }
    }
    for (const endpoint of index.referencing(vpc, "aws_vpc_endpoint")) {
      builder.addNode(vpcGroup, endpoint, "gateway", endpointLabel(endpoint));
    }
  }
  return vpcGroups;
}

/** The VPC group a resource belongs in, through the VPC or subnets it names. */
export function vpcGroupOf(
  builder: DiagramBuilder,
  vpcGroups: ReadonlyMap<string, DiagramGroup>,
  resource: SynthesizedResource,
): DiagramGroup | undefined {
  const vpcs = builder.index.referencedBy(resource.body, "aws_vpc");
  const viaSubnets = builder.index
    .referencedBy(resource.body, "aws_subnet", "aws_db_subnet_group", "aws_security_group")
    .flatMap((r) => builder.index.referencedBy(r.body, "aws_vpc", "aws_subnet"))
    .flatMap((r) => (r.type === "aws_vpc" ? [r] : builder.index.referencedBy(r.body, "aws_vpc")));
  const [vpc] = [...vpcs, ...viaSubnets];
  return vpc ? vpcGroups.get(vpc.address) : undefined;
}
