import { DefaultSecurityGroup } from "@cdktf/provider-aws/lib/default-security-group";
import { Eip } from "@cdktf/provider-aws/lib/eip";
import { InternetGateway } from "@cdktf/provider-aws/lib/internet-gateway";
import { NatGateway } from "@cdktf/provider-aws/lib/nat-gateway";
import { Route } from "@cdktf/provider-aws/lib/route";
import { RouteTable } from "@cdktf/provider-aws/lib/route-table";
import { RouteTableAssociation } from "@cdktf/provider-aws/lib/route-table-association";
import { Subnet } from "@cdktf/provider-aws/lib/subnet";
import { Vpc } from "@cdktf/provider-aws/lib/vpc";
import { VpcEndpoint } from "@cdktf/provider-aws/lib/vpc-endpoint";
import { Construct } from "constructs";
import { natGatewayAzs, natGatewayIndexFor, type NatStrategy } from "../../lib/nat-gateways";
import { planNetworkAcls, type TrafficPorts } from "../../lib/network-acl-plan";
import { withinQuota } from "../../lib/network-acl-rules";
import { FlowLogs } from "./flow-logs";
import { InterfaceEndpoints } from "./interface-endpoints";
import { NetworkAcls } from "./network-acls";

/**
 * The network ACLs admit the load balancer's listener ports from the internet, the services'
 * ports from the VPC, the called services' ports between services and the database ports between
 * private subnets (`config/edge-traffic.ts` derives them from the same plan as the security groups).
 */
export interface VpcModuleProps extends TrafficPorts {
  /** Prefix of every resource's Name tag, e.g. "shop-prod". */
  readonly name: string;
  /** The region, used to name the gateway endpoints' services. */
  readonly region: string;
  /** The VPC's IPv4 CIDR block. */
  readonly cidr: string;
  /** Availability zones to spread the subnets over; index i of each subnet list lives in azs[i]. */
  readonly azs: readonly string[];
  /** Public subnet CIDRs, one per AZ (`lib/subnet-layout.ts` derives them from a VPC CIDR). */
  readonly publicSubnets: readonly string[];
  /** Private subnet CIDRs, one per AZ (`lib/subnet-layout.ts` derives them from a VPC CIDR). */
  readonly privateSubnets: readonly string[];
  /** NAT gateways for the private subnets' egress: one per AZ, a single shared one, or none. */
  readonly natStrategy: NatStrategy;
  /**
   * Interface VPC endpoints in the private subnets, by service ("ecr.api", "ecr.dkr", "logs",
   * "secretsmanager", "ssm"…), with private DNS; empty for none.
   */
  readonly interfaceEndpoints: readonly string[];
  /** When known, the flow logs role trusts the service only on behalf of this account. */
  readonly accountId?: string;
  /** Days CloudWatch keeps the VPC flow logs. */
  readonly flowLogRetentionDays: number;
  /** A KMS key for the flow logs' log group. @default CloudWatch Logs' own encryption */
  readonly logsKmsKeyArn?: string;
}

/**
 * A VPC spread over several AZs: public subnets routed to an internet gateway, private subnets
 * each with its own route table through a NAT gateway, S3 and DynamoDB gateway endpoints on the
 * private route tables, optional interface endpoints, a network ACL per tier that admits exactly
 * the architecture's traffic, flow logs of all traffic, and the default security group and
 * network ACL stripped of their rules.
 */
export class VpcModule extends Construct {
  /** The VPC id. */
  public readonly vpcId: string;
  /** The VPC's CIDR block. */
  public readonly vpcCidr: string;
  /** Public subnet ids, in the order of `azs`. */
  public readonly publicSubnetIds: string[];
  /** Private subnet ids, in the order of `azs`. */
  public readonly privateSubnetIds: string[];
  /** The public route table. */
  public readonly publicRouteTableId: string;
  /** One private route table per AZ. */
  public readonly privateRouteTableIds: string[];
  /** NAT gateway ids (none with `natStrategy: "none"`). */
  public readonly natGatewayIds: string[];
  /** The NAT gateways' public IPs (for allow-lists elsewhere). */
  public readonly natPublicIps: string[];
  /** The S3 gateway endpoint. */
  public readonly s3EndpointId: string;
  /** The DynamoDB gateway endpoint. */
  public readonly dynamodbEndpointId: string;
  /** The prefix list of DynamoDB's addresses in the region: the destination of security group rules to it. */
  public readonly dynamodbPrefixListId: string;
  /** Interface endpoint id per service (empty without interface endpoints). */
  public readonly interfaceEndpointIds: Readonly<Record<string, string>>;
  /** The public tier's network ACL. */
  public readonly publicNetworkAclId: string;
  /** The private tier's network ACL. */
  public readonly privateNetworkAclId: string;
  /** The log group of the VPC flow logs. */
  public readonly flowLogGroupName: string;

  constructor(scope: Construct, id: string, props: VpcModuleProps) {
    super(scope, id);
    const { name, azs, natStrategy } = props;

    const vpc = new Vpc(this, "vpc", {
      cidrBlock: props.cidr,
      enableDnsSupport: true,
      enableDnsHostnames: true,
      tags: { Name: name },
    });

    new DefaultSecurityGroup(this, "default-security-group", {
      vpcId: vpc.id,
      tags: { Name: `${name}-default-deny-all` },
    });

    const internetGateway = new InternetGateway(this, "internet-gateway", {
      vpcId: vpc.id,
      tags: { Name: name },
    });

    const publicRouteTable = new RouteTable(this, "public-route-table", {
      vpcId: vpc.id,
      tags: { Name: `${name}-public` },
    });
    new Route(this, "public-default-route", {
      routeTableId: publicRouteTable.id,
      destinationCidrBlock: "0.0.0.0/0",
      gatewayId: internetGateway.id,
    });

    const publicSubnets = azs.map((az, i) => {
      const subnet = new Subnet(this, `public-subnet-${az}`, {
        vpcId: vpc.id,
        availabilityZone: az,
        cidrBlock: props.publicSubnets[i],
        mapPublicIpOnLaunch: false,
        tags: { Name: `${name}-public-${az}`, Tier: "public" },
      });
      new RouteTableAssociation(this, `public-route-table-association-${az}`, {
        subnetId: subnet.id,
        routeTableId: publicRouteTable.id,
      });
      return subnet;
    });

    const natGateways = natGatewayAzs(natStrategy, azs).map((az, i) => {
      const eip = new Eip(this, `nat-eip-${az}`, {
        domain: "vpc",
        tags: { Name: `${name}-nat-${az}` },
        dependsOn: [internetGateway],
      });
      return new NatGateway(this, `nat-gateway-${az}`, {
        allocationId: eip.id,
        subnetId: publicSubnets[i].id,
        tags: { Name: `${name}-${az}` },
        dependsOn: [internetGateway],
      });
    });

    const privateRouteTables = azs.map((az, i) => {
      const routeTable = new RouteTable(this, `private-route-table-${az}`, {
        vpcId: vpc.id,
        tags: { Name: `${name}-private-${az}` },
      });
      const nat = natGateways[natGatewayIndexFor(natStrategy, i)];
      if (nat) {
        new Route(this, `private-default-route-${az}`, {
          routeTableId: routeTable.id,
          destinationCidrBlock: "0.0.0.0/0",
          natGatewayId: nat.id,
        });
      }
      const subnet = new Subnet(this, `private-subnet-${az}`, {
        vpcId: vpc.id,
        availabilityZone: az,
        cidrBlock: props.privateSubnets[i],
        tags: { Name: `${name}-private-${az}`, Tier: "private" },
      });
      new RouteTableAssociation(this, `private-route-table-association-${az}`, {
        subnetId: subnet.id,
        routeTableId: routeTable.id,
      });
      return { routeTable, subnet };
    });

    const gatewayEndpoint = (service: "s3" | "dynamodb") =>
      new VpcEndpoint(this, `${service}-gateway-endpoint`, {
        vpcId: vpc.id,
        serviceName: `com.amazonaws.${props.region}.${service}`,
        vpcEndpointType: "Gateway",
        routeTableIds: privateRouteTables.map((p) => p.routeTable.id),
        tags: { Name: `${name}-${service}` },
      });
    const s3Endpoint = gatewayEndpoint("s3");
    const dynamodbEndpoint = gatewayEndpoint("dynamodb");

    const endpointServices = props.interfaceEndpoints;
    const interfaceEndpoints =
      endpointServices.length > 0
        ? new InterfaceEndpoints(this, "interface-endpoints", {
            name,
            region: props.region,
            vpcId: vpc.id,
            vpcCidr: props.cidr,
            subnetIds: privateRouteTables.map((p) => p.subnet.id),
            services: endpointServices,
          })
        : undefined;

    // The rules read plain CIDRs from the props: a rule's CIDR must be known at synth.
    const aclPlan = planNetworkAcls({ ...props, vpcCidr: props.cidr }, props);
    const networkAcls = new NetworkAcls(this, "network-acls", {
      name,
      vpcId: vpc.id,
      defaultNetworkAclId: vpc.defaultNetworkAclId,
      publicSubnetIds: publicSubnets.map((s) => s.id),
      privateSubnetIds: privateRouteTables.map((p) => p.subnet.id),
      publicRules: withinQuota("public", aclPlan.public),
      privateRules: withinQuota("private", aclPlan.private),
    });

    const flowLogs = new FlowLogs(this, "flow-logs", {
      name,
      vpcId: vpc.id,
      region: props.region,
      accountId: props.accountId,
      retentionDays: props.flowLogRetentionDays,
      kmsKeyArn: props.logsKmsKeyArn,
    });

    this.vpcId = vpc.id;
    this.vpcCidr = vpc.cidrBlock;
    this.publicSubnetIds = publicSubnets.map((s) => s.id);
    this.privateSubnetIds = privateRouteTables.map((p) => p.subnet.id);
    this.publicRouteTableId = publicRouteTable.id;
    this.privateRouteTableIds = privateRouteTables.map((p) => p.routeTable.id);
    this.natGatewayIds = natGateways.map((n) => n.id);
    this.natPublicIps = natGateways.map((n) => n.publicIp);
    this.s3EndpointId = s3Endpoint.id;
    this.dynamodbEndpointId = dynamodbEndpoint.id;
    this.dynamodbPrefixListId = dynamodbEndpoint.prefixListId;
    this.interfaceEndpointIds = interfaceEndpoints?.endpointIds ?? {};
    this.publicNetworkAclId = networkAcls.publicNetworkAclId;
    this.privateNetworkAclId = networkAcls.privateNetworkAclId;
    this.flowLogGroupName = flowLogs.logGroupName;
  }
}
