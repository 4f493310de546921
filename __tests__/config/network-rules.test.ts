import { describeRules } from "../support/rule-cases";

const DEV = "environments/dev.json";
const PROD = "environments/prod.json";

describeRules("network rules", [
  {
    rule: "the VPC CIDR is IPv4 CIDR syntax",
    mistake: { edit: { [DEV]: (env) => (env.vpc.cidr = "10.0.0/16") } },
    problems: [
      `environments/dev.json: $.vpc.cidr: "10.0.0/16" is invalid; expected the VPC's IPv4 CIDR block, /16 to /24 (e.g. "10.0.0.0/16")`,
    ],
  },
  {
    rule: "the VPC CIDR is a network address",
    mistake: { edit: { [DEV]: (env) => (env.vpc.cidr = "10.0.0.1/16") } },
    problems: [
      'environments/dev.json: $.vpc.cidr: "10.0.0.1/16" has host bits set; expected the network address, e.g. "10.0.0.0/16"',
    ],
  },
  {
    rule: "the VPC CIDR is a /16 to /24",
    mistake: { edit: { [DEV]: (env) => (env.vpc.cidr = "10.0.0.0/12") } },
    problems: [
      'environments/dev.json: $.vpc.cidr: "10.0.0.0/12" is a /12; expected a VPC block from /16 to /24',
    ],
  },
  {
    rule: "a subnet CIDR is a network address",
    mistake: { edit: { [PROD]: (env) => (env.vpc.publicSubnets[1] = "10.0.16.1/20") } },
    problems: [
      'environments/prod.json: $.vpc.publicSubnets[1]: "10.0.16.1/20" has host bits set; expected the network address, e.g. "10.0.16.0/20"',
    ],
  },
  {
    rule: "a subnet is a /16 to /28",
    mistake: { edit: { [PROD]: (env) => (env.vpc.publicSubnets[1] = "10.0.16.0/29") } },
    problems: [
      'environments/prod.json: $.vpc.publicSubnets[1]: "10.0.16.0/29" is a /29; expected a subnet block from /16 to /28',
    ],
  },
  {
    rule: "subnets lie inside the VPC",
    mistake: { edit: { [PROD]: (env) => (env.vpc.publicSubnets[1] = "10.1.16.0/20") } },
    problems: [
      'environments/prod.json: $.vpc.publicSubnets[1]: "10.1.16.0/20" is outside the VPC "10.0.0.0/16"; expected a block inside it',
    ],
  },
  {
    rule: "subnets do not overlap",
    mistake: { edit: { [PROD]: (env) => (env.vpc.privateSubnets[0] = "10.0.0.0/20") } },
    problems: [
      'environments/prod.json: $.vpc.privateSubnets[0]: "10.0.0.0/20" overlaps the subnet at $.vpc.publicSubnets[0]; expected non-overlapping subnets',
    ],
  },
  {
    rule: "public subnets are large enough for the load balancer",
    mistake: { edit: { [PROD]: (env) => (env.vpc.publicSubnets[1] = "10.0.16.0/28") } },
    problems: [
      'environments/prod.json: $.vpc.publicSubnets[1]: "10.0.16.0/28" is too small for the load balancer; expected a /27 or larger',
    ],
  },
  {
    rule: "derived public subnets are large enough for the load balancer",
    mistake: { edit: { [DEV]: (env) => (env.vpc.cidr = "10.0.0.0/24") } },
    problems: [
      'environments/dev.json: $.vpc.cidr: "10.0.0.0/24" leaves /28 public subnets, too small for the load balancer; expected a VPC of /23 or larger, or explicit publicSubnets of /27 or larger',
    ],
  },
  {
    rule: "private subnets are large enough for the expected tasks",
    mistake: {
      edit: {
        [PROD]: (env) => (env.vpc.privateSubnets = ["10.0.128.0/28", "10.0.144.0/28"]),
        "services/users/service.json": (svc) => (svc.desiredCount = 6),
      },
    },
    problems: [
      'environments/prod.json: $.vpc.privateSubnets[0]: "10.0.128.0/28" has 11 usable addresses but may need 24 (deployments double the 12 task(s) at maximum scale, and the other AZs must absorb a failed one); expected a /27 or larger',
      'environments/prod.json: $.vpc.privateSubnets[1]: "10.0.144.0/28" has 11 usable addresses but may need 24 (deployments double the 12 task(s) at maximum scale, and the other AZs must absorb a failed one); expected a /27 or larger',
    ],
  },
  {
    rule: "derived private subnets are large enough for the tasks at maximum scale",
    mistake: {
      edit: {
        [DEV]: (env) => {
          env.vpc.cidr = "10.0.0.0/23";
          env.services.users = { desiredCount: 1 };
        },
        "services/users/service.json": (svc) => (svc.scaling = { minCount: 1, maxCount: 20 }),
      },
    },
    problems: [
      'environments/dev.json: $.vpc.cidr: "10.0.0.0/23" leaves /27 private subnets of 27 usable addresses but they may need 44 (deployments double the 22 task(s) at maximum scale, and the other AZs must absorb a failed one); expected a VPC of /22 or larger, or explicit privateSubnets of /26 or larger',
    ],
  },
  {
    rule: "public and private subnets are given together",
    mistake: { edit: { [PROD]: (env) => delete env.vpc.privateSubnets } },
    problems: [
      "environments/prod.json: $.vpc.privateSubnets: required key is missing: publicSubnets is set; expected privateSubnets too, one per AZ (or neither, to derive both from the VPC CIDR)",
    ],
  },
  {
    rule: "one public and one private subnet per AZ",
    mistake: { edit: { [PROD]: (env) => env.vpc.publicSubnets.push("10.0.32.0/20") } },
    problems: [
      "environments/prod.json: $.vpc.publicSubnets: 3 subnet(s) for 2 AZs; expected exactly one per AZ, in the order of azs",
    ],
  },
  {
    rule: "at least two AZs",
    mistake: { edit: { [DEV]: (env) => (env.azs = ["us-east-1a"]) } },
    problems: [
      'environments/dev.json: $.azs: ["us-east-1a"] has 1 item, fewer than 2; expected the availability zones of the region to spread over (e.g. ["us-east-1a","us-east-1b"])',
    ],
  },
  {
    rule: "each AZ once",
    mistake: { edit: { [DEV]: (env) => (env.azs = ["us-east-1a", "us-east-1a"]) } },
    problems: [
      'environments/dev.json: $.azs[1]: "us-east-1a" is listed twice (first at index 0); expected each item once',
    ],
  },
  {
    rule: "derived subnets have room for every AZ",
    mistake: { edit: { [DEV]: (env) => (env.azs = [..."abcdefghi"].map((z) => `us-east-1${z}`)) } },
    problems: [
      "environments/dev.json: $.azs: 9 AZs; expected at most 8 when subnets are derived from the VPC CIDR, or explicit publicSubnets and privateSubnets",
    ],
  },
  {
    rule: "AZ names belong to the region",
    mistake: { edit: { [DEV]: (env) => (env.azs[1] = "us-west-2b") } },
    problems: [
      'environments/dev.json: $.azs[1]: "us-west-2b" is not in region "us-east-1"; expected an AZ of "us-east-1", e.g. "us-east-1b"',
    ],
  },
  {
    rule: "private subnets without NAT have endpoints for ECR and CloudWatch Logs",
    mistake: { edit: { [DEV]: (env) => (env.vpc.natStrategy = "none") } },
    problems: [
      'environments/dev.json: $.vpc.natStrategy: "none" gives the private subnets no way out, and vpc.interfaceEndpoints lacks "ecr.api", "ecr.dkr", "logs": tasks could not pull images or write logs; expected "single" or "one-per-az", or interfaceEndpoints with "ecr.api", "ecr.dkr", "logs"',
    ],
  },
  {
    rule: "private subnets without NAT have a Secrets Manager endpoint when services use secrets",
    mistake: {
      edit: {
        [DEV]: (env) => {
          env.vpc.natStrategy = "none";
          env.vpc.interfaceEndpoints = ["ecr.api", "ecr.dkr", "logs"];
        },
        "services/users/service.json": (svc) =>
          (svc.secrets = {
            DB_PASSWORD:
              "arn:aws:secretsmanager:us-east-1:123456789012:secret:shop/db-AbCdEf:password::",
          }),
      },
    },
    problems: [
      'environments/dev.json: $.vpc.natStrategy: "none" gives the private subnets no way out, and vpc.interfaceEndpoints lacks "secretsmanager": tasks could not read secrets; expected "single" or "one-per-az", or interfaceEndpoints with "ecr.api", "ecr.dkr", "logs", "secretsmanager"',
    ],
  },
  {
    rule: "private subnets without NAT have an X-Ray endpoint when tracing is on",
    mistake: {
      edit: {
        [PROD]: (env) => {
          env.vpc.natStrategy = "none";
          env.vpc.interfaceEndpoints = ["ecr.api", "ecr.dkr", "logs"];
        },
      },
    },
    problems: [
      'environments/prod.json: $.vpc.natStrategy: "none" gives the private subnets no way out, and vpc.interfaceEndpoints lacks "xray": tasks could not send traces; expected "single" or "one-per-az", or interfaceEndpoints with "ecr.api", "ecr.dkr", "logs", "xray"',
    ],
  },
  {
    rule: "interface endpoints are ones the project knows",
    mistake: { edit: { [DEV]: (env) => (env.vpc.interfaceEndpoints = ["ecr"]) } },
    problems: [
      'environments/dev.json: $.vpc.interfaceEndpoints[0]: "ecr" is not allowed; expected one of "ecr.api", "ecr.dkr", "logs", "secretsmanager", "ssm", "xray"',
    ],
  },
]);
