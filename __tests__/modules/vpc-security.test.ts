import { CloudwatchLogGroup } from "@cdktf/provider-aws/lib/cloudwatch-log-group";
import { FlowLog } from "@cdktf/provider-aws/lib/flow-log";
import { VpcEndpoint } from "@cdktf/provider-aws/lib/vpc-endpoint";
import { privateTierRules, publicTierRules } from "../../lib/network-acl-rules";
import { VpcModule, type VpcModuleProps } from "../../modules/vpc";
import {
  logicalId,
  ref,
  synthScope,
  type Synthesized,
  type TerraformBlock,
} from "../support/synth";
import { TWO_AZ_VPC_PROPS } from "../support/vpc-fixture";

const AZS = TWO_AZ_VPC_PROPS.azs;
const PROPS: VpcModuleProps = {
  ...TWO_AZ_VPC_PROPS,
  natStrategy: "single",
  loadBalancerPorts: [443, 80],
  servicePorts: [8000, 8001],
  calledServicePorts: [8000],
  databasePorts: [5432],
};

function synthVpc(overrides: Partial<VpcModuleProps> = {}): Synthesized {
  return synthScope((scope) => {
    new VpcModule(scope, "vpc", { ...PROPS, ...overrides });
  });
}

const subnetRefs = (synth: Synthesized, tier: "public" | "private") =>
  AZS.map((az) => ref("aws_subnet", logicalId(synth, "aws_subnet", `${tier}-subnet-${az}_`), "id"));

/** The synthesized inline entries, in the shape of the rules they came from. */
const entries = (blocks: unknown) =>
  (blocks as TerraformBlock[]).map((b) => ({
    ruleNumber: b.rule_no,
    action: b.action,
    protocol: b.protocol,
    cidrBlock: b.cidr_block,
    fromPort: b.from_port,
    toPort: b.to_port,
    ...(b.protocol === "icmp" ? { icmpType: b.icmp_type, icmpCode: b.icmp_code } : {}),
  }));
const withoutPurpose = (rules: readonly { purpose: string }[]) =>
  rules.map(({ purpose: _purpose, ...rule }) => rule);

describe("VpcModule's network ACLs", () => {
  const ruleInputs = {
    vpcCidr: "10.0.0.0/16",
    privateSubnetCidrs: ["10.0.128.0/20", "10.0.144.0/20"],
    loadBalancerPorts: [443, 80],
    servicePorts: [8000, 8001],
    calledServicePorts: [8000],
    databasePorts: [5432],
    natGateway: true,
    interfaceEndpoints: false,
  };

  it.each([
    ["public", publicTierRules],
    ["private", privateTierRules],
  ] as const)(
    "give the %s subnets an ACL of their own with exactly the tier's rules",
    (tier, rulesOf) => {
      const synth = synthVpc();
      const acl = synth.resourceAt("aws_network_acl", tier);
      expect(acl.subnet_ids).toEqual(subnetRefs(synth, tier));
      expect(acl.vpc_id).toMatch(/^\$\{aws_vpc\./);
      const expected = rulesOf(ruleInputs);
      expect(entries(acl.ingress)).toEqual(withoutPurpose(expected.ingress));
      expect(entries(acl.egress)).toEqual(withoutPurpose(expected.egress));
    },
  );

  it("leave every subnet on one of the two, and the default ACL with no rule at all", () => {
    const synth = synthVpc();
    const associated = Object.values(synth.resources("aws_network_acl")).flatMap(
      (acl) => acl.subnet_ids as string[],
    );
    const subnets = Object.keys(synth.resources("aws_subnet")).map((id) =>
      ref("aws_subnet", id, "id"),
    );
    expect([...associated].sort()).toEqual([...subnets].sort());
    const defaultAcl = synth.resource("aws_default_network_acl");
    expect(defaultAcl.default_network_acl_id).toBe(
      ref("aws_vpc", logicalId(synth, "aws_vpc", "vpc"), "default_network_acl_id"),
    );
    expect(defaultAcl.ingress).toBeUndefined();
    expect(defaultAcl.egress).toBeUndefined();
  });

  it("admit replies from the internet to the public tier only when a NAT gateway is there", () => {
    const ingress = (strategy: VpcModuleProps["natStrategy"]) =>
      entries(synthVpc({ natStrategy: strategy }).resourceAt("aws_network_acl", "public").ingress);
    expect(ingress("single")).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ fromPort: 1024, toPort: 3388, cidrBlock: "0.0.0.0/0" }),
        expect.objectContaining({ fromPort: 3390, toPort: 65535, cidrBlock: "0.0.0.0/0" }),
      ]),
    );
    expect(ingress("none")).toContainEqual(
      expect.objectContaining({ fromPort: 1024, toPort: 65535, cidrBlock: "10.0.0.0/16" }),
    );
    expect(ingress("none")).not.toContainEqual(
      expect.objectContaining({ fromPort: 1024, cidrBlock: "0.0.0.0/0" }),
    );
  });
});

describe("VpcModule's flow logs", () => {
  it("log all traffic of the VPC to a log group kept for the retention period", () => {
    const synth = synthVpc({ flowLogRetentionDays: 365 });
    const logGroup = logicalId(synth, "aws_cloudwatch_log_group", "flow-logs");
    expect(synth.text).toHaveResourceWithProperties(CloudwatchLogGroup, {
      name: "/aws/vpc/flow-logs/shop-test",
      retention_in_days: 365,
    });
    expect(synth.text).toHaveResourceWithProperties(FlowLog, {
      vpc_id: ref("aws_vpc", logicalId(synth, "aws_vpc", "vpc"), "id"),
      traffic_type: "ALL",
      log_destination_type: "cloud-watch-logs",
      log_destination: ref("aws_cloudwatch_log_group", logGroup, "arn"),
      iam_role_arn: ref("aws_iam_role", logicalId(synth, "aws_iam_role", "flow-logs"), "arn"),
    });
  });

  it("are delivered by a role that may write to that log group only, and exists before the flow log", () => {
    const synth = synthVpc();
    const logGroupArn = ref(
      "aws_cloudwatch_log_group",
      logicalId(synth, "aws_cloudwatch_log_group", "flow-logs"),
      "arn",
    );
    const documents = synth.json.data!.aws_iam_policy_document;
    const delivery =
      documents[Object.keys(documents).find((key) => key.includes("delivery-policy-document"))!];
    expect(delivery.statement).toEqual([
      {
        sid: "WriteFlowLogs",
        actions: ["logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"],
        resources: [`${logGroupArn}:*`],
      },
    ]);
    const policy = synth.resource("aws_iam_role_policy");
    expect(policy.role).toBe(
      ref("aws_iam_role", logicalId(synth, "aws_iam_role", "flow-logs"), "id"),
    );
    expect(synth.resource("aws_flow_log").depends_on).toEqual([
      `aws_iam_role_policy.${logicalId(synth, "aws_iam_role_policy", "flow-logs")}`,
    ]);
  });

  it("trust the flow logs service only, and for this account's flow logs when the account is known", () => {
    const trustOf = (synth: Synthesized) => {
      const documents = synth.json.data!.aws_iam_policy_document;
      const id = Object.keys(documents).find((key) => key.includes("trust"))!;
      expect(synth.resource("aws_iam_role").assume_role_policy).toBe(
        ref("data.aws_iam_policy_document", id, "json"),
      );
      return documents[id].statement as TerraformBlock[];
    };
    expect(trustOf(synthVpc({ accountId: "123456789012" }))).toEqual([
      {
        sid: "VpcFlowLogsAssumeRole",
        actions: ["sts:AssumeRole"],
        principals: [{ type: "Service", identifiers: ["vpc-flow-logs.amazonaws.com"] }],
        condition: [
          { test: "StringEquals", variable: "aws:SourceAccount", values: ["123456789012"] },
          {
            test: "ArnLike",
            variable: "aws:SourceArn",
            values: ["arn:aws:ec2:eu-west-1:123456789012:vpc-flow-log/*"],
          },
        ],
      },
    ]);
    expect(trustOf(synthVpc())[0].condition).toBeUndefined();
    expect(synthVpc().resource("aws_iam_role").name).toBe("shop-test-vpc-flow-logs");
  });
});

describe("VpcModule's interface endpoints", () => {
  it("are absent unless asked for", () => {
    const synth = synthVpc();
    expect(
      Object.values(synth.resources("aws_vpc_endpoint")).map((e) => e.vpc_endpoint_type),
    ).toEqual(["Gateway", "Gateway"]);
    expect(synth.resources("aws_security_group")).toEqual({});
  });

  it("sit in the private subnets with private DNS, one per service asked for", () => {
    const synth = synthVpc({ interfaceEndpoints: ["ecr.api", "ecr.dkr", "logs"] });
    const securityGroup = ref(
      "aws_security_group",
      logicalId(synth, "aws_security_group", "interface-endpoints"),
      "id",
    );
    for (const service of ["ecr.api", "ecr.dkr", "logs"]) {
      expect(synth.text).toHaveResourceWithProperties(VpcEndpoint, {
        service_name: `com.amazonaws.eu-west-1.${service}`,
        vpc_endpoint_type: "Interface",
        private_dns_enabled: true,
        subnet_ids: subnetRefs(synth, "private"),
        security_group_ids: [securityGroup],
      });
    }
    expect(Object.keys(synth.resources("aws_vpc_endpoint"))).toHaveLength(5);
  });

  it("admit HTTPS from inside the VPC and nothing else", () => {
    const synth = synthVpc({ interfaceEndpoints: ["logs"] });
    const rules = Object.values(synth.resources("aws_vpc_security_group_ingress_rule"));
    expect(rules.map((r) => [r.ip_protocol, r.from_port, r.to_port, r.cidr_ipv4])).toEqual([
      ["tcp", 443, 443, "10.0.0.0/16"],
    ]);
    expect(synth.resources("aws_vpc_security_group_egress_rule")).toEqual({});
    expect(synth.resource("aws_security_group").ingress).toBeUndefined();
    expect(synth.resource("aws_security_group").egress).toBeUndefined();
  });

  it("open the private tier's ACL to HTTPS from the private subnets", () => {
    const ingress = entries(
      synthVpc({ interfaceEndpoints: ["logs"] }).resourceAt("aws_network_acl", "private").ingress,
    );
    expect(ingress.filter((r) => r.fromPort === 443)).toEqual([
      expect.objectContaining({ ruleNumber: 300, cidrBlock: "10.0.128.0/20" }),
      expect.objectContaining({ ruleNumber: 301, cidrBlock: "10.0.144.0/20" }),
    ]);
  });
});
