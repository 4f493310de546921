import { Vpc } from "@cdktf/provider-aws/lib/vpc";
import { VpcEndpoint } from "@cdktf/provider-aws/lib/vpc-endpoint";
import { VpcModule, type VpcModuleProps } from "../../modules/vpc";
import { logicalId, ref, synthScope, type Synthesized } from "../support/synth";
import { TWO_AZ_VPC_PROPS, VPC_PROPS } from "../support/vpc-fixture";

const AZS = VPC_PROPS.azs;

function synthVpc(overrides: Partial<VpcModuleProps> = {}): Synthesized {
  return synthScope((scope) => {
    new VpcModule(scope, "vpc", { ...VPC_PROPS, ...overrides });
  });
}

/** Route table logical id → the NAT gateway logical id its default route uses. */
function natOfPrivateRouteTables(synth: Synthesized): Record<string, string | undefined> {
  const routes = Object.values(synth.resources("aws_route"));
  return Object.fromEntries(
    AZS.map((az) => {
      const table = ref(
        "aws_route_table",
        logicalId(synth, "aws_route_table", `private-route-table-${az}_`),
        "id",
      );
      const route = routes.find((r) => r.route_table_id === table);
      return [az, route?.nat_gateway_id as string | undefined];
    }),
  );
}

describe("VpcModule", () => {
  it("creates a VPC with DNS support and hostnames on the given CIDR", () => {
    expect(synthVpc().text).toHaveResourceWithProperties(Vpc, {
      cidr_block: "10.0.0.0/16",
      enable_dns_support: true,
      enable_dns_hostnames: true,
    });
  });

  it("spreads one public and one private subnet over each AZ, subnet i in AZ i", () => {
    const synth = synthVpc();
    const subnets = Object.values(synth.resources("aws_subnet"));
    expect(subnets).toHaveLength(6);
    const byTier = (tier: string) =>
      subnets
        .filter((s) => (s.tags as Record<string, string>).Tier === tier)
        .map((s) => [s.availability_zone, s.cidr_block]);
    expect(byTier("public")).toEqual([
      ["eu-west-1a", "10.0.0.0/20"],
      ["eu-west-1b", "10.0.16.0/20"],
      ["eu-west-1c", "10.0.32.0/20"],
    ]);
    expect(byTier("private")).toEqual([
      ["eu-west-1a", "10.0.128.0/20"],
      ["eu-west-1b", "10.0.144.0/20"],
      ["eu-west-1c", "10.0.160.0/20"],
    ]);
    expect(subnets.every((s) => s.map_public_ip_on_launch !== true)).toBe(true);
  });

  it("uses explicit subnet CIDRs when given", () => {
    const synth = synthVpc({
      ...TWO_AZ_VPC_PROPS,
      publicSubnets: ["10.0.101.0/24", "10.0.102.0/24"],
      privateSubnets: ["10.0.1.0/24", "10.0.2.0/24"],
    });
    const cidrs = Object.values(synth.resources("aws_subnet"))
      .map((s) => s.cidr_block)
      .sort();
    expect(cidrs).toEqual(["10.0.1.0/24", "10.0.101.0/24", "10.0.102.0/24", "10.0.2.0/24"]);
  });

  it("routes the public subnets to the internet gateway through one shared route table", () => {
    const synth = synthVpc();
    const publicTable = ref(
      "aws_route_table",
      logicalId(synth, "aws_route_table", "public-route-table_"),
      "id",
    );
    const igw = ref(
      "aws_internet_gateway",
      logicalId(synth, "aws_internet_gateway", "internet-gateway"),
      "id",
    );
    expect(Object.values(synth.resources("aws_route"))).toContainEqual(
      expect.objectContaining({
        route_table_id: publicTable,
        destination_cidr_block: "0.0.0.0/0",
        gateway_id: igw,
      }),
    );
    for (const az of AZS) {
      const subnet = ref(
        "aws_subnet",
        logicalId(synth, "aws_subnet", `public-subnet-${az}_`),
        "id",
      );
      expect(Object.values(synth.resources("aws_route_table_association"))).toContainEqual({
        subnet_id: subnet,
        route_table_id: publicTable,
      });
    }
  });

  it("routes each private subnet through the NAT gateway of its own AZ (one-per-az)", () => {
    const synth = synthVpc({ natStrategy: "one-per-az" });
    expect(Object.keys(synth.resources("aws_nat_gateway"))).toHaveLength(3);
    expect(Object.keys(synth.resources("aws_eip"))).toHaveLength(3);
    const natOf = natOfPrivateRouteTables(synth);
    for (const az of AZS) {
      expect(natOf[az]).toBe(
        ref("aws_nat_gateway", logicalId(synth, "aws_nat_gateway", `nat-gateway-${az}_`), "id"),
      );
      const natGateway = Object.entries(synth.resources("aws_nat_gateway")).find(([id]) =>
        id.includes(az),
      )![1];
      expect(natGateway.subnet_id).toBe(
        ref("aws_subnet", logicalId(synth, "aws_subnet", `public-subnet-${az}_`), "id"),
      );
    }
  });

  it("gives each private subnet its own route table, all through the one NAT gateway (single)", () => {
    const synth = synthVpc({ natStrategy: "single" });
    expect(Object.keys(synth.resources("aws_nat_gateway"))).toHaveLength(1);
    const onlyNat = ref(
      "aws_nat_gateway",
      logicalId(synth, "aws_nat_gateway", "nat-gateway-eu-west-1a_"),
      "id",
    );
    expect(Object.values(natOfPrivateRouteTables(synth))).toEqual([onlyNat, onlyNat, onlyNat]);
    expect(Object.keys(synth.resources("aws_route_table"))).toHaveLength(1 + AZS.length);
  });

  it("creates no NAT gateway and no private default route with natStrategy none", () => {
    const synth = synthVpc({ natStrategy: "none" });
    expect(synth.resources("aws_nat_gateway")).toEqual({});
    expect(synth.resources("aws_eip")).toEqual({});
    expect(Object.values(natOfPrivateRouteTables(synth))).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
  });

  it("attaches S3 and DynamoDB gateway endpoints to every private route table, and only those", () => {
    const synth = synthVpc();
    const privateTables = AZS.map((az) =>
      ref(
        "aws_route_table",
        logicalId(synth, "aws_route_table", `private-route-table-${az}_`),
        "id",
      ),
    );
    for (const service of ["s3", "dynamodb"]) {
      expect(synth.text).toHaveResourceWithProperties(VpcEndpoint, {
        service_name: `com.amazonaws.eu-west-1.${service}`,
        vpc_endpoint_type: "Gateway",
        route_table_ids: privateTables,
      });
    }
  });

  it("strips every rule from the default security group", () => {
    const defaultGroup = synthVpc().resource("aws_default_security_group");
    expect(defaultGroup.ingress).toBeUndefined();
    expect(defaultGroup.egress).toBeUndefined();
    expect(defaultGroup.vpc_id).toMatch(/^\$\{aws_vpc\./);
  });

  it("exposes ids, CIDR, route tables, NAT gateways and endpoints as outputs", () => {
    let vpc!: VpcModule;
    synthScope((scope) => {
      vpc = new VpcModule(scope, "vpc", { ...TWO_AZ_VPC_PROPS, loadBalancerPorts: [443, 80] });
    });
    expect(vpc.publicSubnetIds).toHaveLength(2);
    expect(vpc.privateSubnetIds).toHaveLength(2);
    expect(vpc.privateRouteTableIds).toHaveLength(2);
    expect(vpc.natGatewayIds).toHaveLength(2);
    expect(vpc.natPublicIps).toHaveLength(2);
    for (const token of [
      vpc.vpcId,
      vpc.vpcCidr,
      vpc.publicRouteTableId,
      vpc.s3EndpointId,
      vpc.dynamodbEndpointId,
    ]) {
      expect(typeof token).toBe("string");
    }
  });
});
