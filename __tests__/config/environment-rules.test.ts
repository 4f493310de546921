import { describeRules } from "../support/rule-cases";

const DEV = "environments/dev.json";
const PROD = "environments/prod.json";
const CERTIFICATE =
  "arn:aws:acm:us-east-1:123456789012:certificate/0a1b2c3d-4e5f-6789-abcd-ef0123456789";

describeRules("environment rules", [
  {
    rule: "a mistyped key is rejected with the closest valid key",
    mistake: { edit: { [DEV]: (env) => (env.regoin = env.region) } },
    problems: ['environments/dev.json: $.regoin: unknown key; did you mean "region"?'],
  },
  {
    rule: "a mistyped nested key is rejected with the closest valid key",
    mistake: {
      edit: { "services/users/service.json": (svc) => (svc.healthCheck.intervalSecond = 10) },
    },
    problems: [
      'services/users/service.json: $.healthCheck.intervalSecond: unknown key; did you mean "intervalSeconds"?',
    ],
  },
  {
    rule: "an unknown key far from any valid one lists the valid keys",
    mistake: { edit: { [DEV]: (env) => (env.vpc.enableIpv6 = true) } },
    problems: [
      'environments/dev.json: $.vpc.enableIpv6: unknown key; expected one of "cidr", "publicSubnets", "privateSubnets", "natStrategy", "interfaceEndpoints"',
    ],
  },
  {
    rule: "the region is an AWS region name",
    mistake: { edit: { [DEV]: (env) => (env.region = "US-East-1") } },
    problems: [
      'environments/dev.json: $.region: "US-East-1" is invalid; expected the AWS region (e.g. "us-east-1")',
    ],
  },
  {
    rule: "the environment is named after its file",
    mistake: { edit: { [DEV]: (env) => (env.name = "prod") } },
    problems: [
      'environments/dev.json: $.name: "prod" differs from the file name; expected "dev" (the stack is named after the file)',
    ],
  },
  {
    rule: "the project name gives AWS names AWS accepts (no sg- security groups)",
    mistake: { edit: { [DEV]: (env) => (env.project = "sg") } },
    problems: [
      'environments/dev.json: $.project: "sg" makes the security group (load balancer) name "sg-dev-alb", and AWS refuses it: it starts with "sg-", which AWS reserves; expected another project name',
    ],
  },
  {
    rule: "the project name gives AWS names AWS accepts (no internal- load balancers)",
    mistake: { edit: { [PROD]: (env) => (env.project = "internal") } },
    problems: [
      'environments/prod.json: $.project: "internal" makes the load balancer name "internal-prod", and AWS refuses it: it starts with "internal-", which AWS reserves; expected another project name',
    ],
  },
  {
    rule: "the state bucket name has S3's characters and length",
    mistake: { edit: { [DEV]: (env) => (env.state.bucket = "Shop_State") } },
    problems: [
      'environments/dev.json: $.state.bucket: "Shop_State" is invalid; expected the S3 bucket that holds Terraform state: 3 to 63 lowercase letters, digits, dots and hyphens, starting and ending with a letter or digit (e.g. "acme-shop-terraform-state")',
    ],
  },
  {
    rule: "the state bucket name follows S3's other rules",
    mistake: { edit: { [DEV]: (env) => (env.state.bucket = "shop..state") } },
    problems: [
      'environments/dev.json: $.state.bucket: "shop..state" has two adjacent dots, which S3 refuses; expected a bucket name of lowercase words joined by single hyphens or dots, e.g. "shop-terraform-state"',
    ],
  },
  {
    rule: "two environments never share a state object",
    mistake: {
      edit: {
        [DEV]: (env) => (env.state.key = "shop/terraform.tfstate"),
        [PROD]: (env) => (env.state.key = "shop/terraform.tfstate"),
      },
    },
    problems: [
      'environments/prod.json: $.state.key: "shop/terraform.tfstate" in bucket "shop-terraform-state" is also the state of environments/dev.json ($.state.key); expected a key of its own, e.g. "shop/prod/terraform.tfstate"',
    ],
  },
  {
    rule: "DynamoDB locking names its table",
    mistake: { edit: { [PROD]: (env) => delete env.state.dynamodbTable } },
    problems: [
      'environments/prod.json: $.state.dynamodbTable: required key is missing: lock is "dynamodb"; expected a table name such as "shop-terraform-locks"',
    ],
  },
  {
    rule: "tag keys do not start with aws:",
    mistake: { edit: { [DEV]: (env) => (env.tags = { "aws:team": "platform" }) } },
    problems: [
      'environments/dev.json: $.tags["aws:team"]: "aws:team" starts with "aws:", which AWS reserves for its own tags; expected a key of only letters, digits, spaces and _ . : / = + - @, not starting with "aws:"',
    ],
  },
  {
    rule: "tag keys are at most 128 characters",
    mistake: { edit: { [DEV]: (env) => (env.tags = { ["k".repeat(129)]: "x" }) } },
    problems: [
      `environments/dev.json: $.tags.${"k".repeat(129)}: "${"k".repeat(129)}" is a key of 129 characters; expected a tag key of 1 to 128 characters`,
    ],
  },
  {
    rule: "tag values use the characters AWS allows",
    mistake: { edit: { [DEV]: (env) => (env.tags = { Owner: "team#platform" }) } },
    problems: [
      'environments/dev.json: $.tags.Owner: "team#platform" has "#", which AWS does not allow in tags; expected only letters, digits, spaces and _ . : / = + - @',
    ],
  },
  {
    rule: "tags leave the stack's own tags alone",
    mistake: { edit: { [DEV]: (env) => (env.tags = { Environment: "development" }) } },
    problems: [
      'environments/dev.json: $.tags.Environment: "Environment" is a tag the stack sets itself; expected another key (the stack\'s tags are Project, Environment, ManagedBy, Name, Service, Tier)',
    ],
  },
  {
    rule: "tags fit AWS's 50 per resource next to the stack's own",
    mistake: {
      edit: {
        [DEV]: (env) =>
          (env.tags = Object.fromEntries(Array.from({ length: 45 }, (_, i) => [`Tag${i}`, "x"]))),
      },
    },
    problems: [
      "environments/dev.json: $.tags: has 45 tags, and with the 6 the stack adds a resource would carry 51, over AWS's 50; expected at most 44",
    ],
  },
  {
    rule: "the certificate is an ACM certificate ARN",
    mistake: {
      edit: {
        [DEV]: (env) =>
          (env.routing.certificateArn = "arn:aws:acm:us-east-1:123456789012:certificate/abc"),
      },
    },
    problems: [
      'environments/dev.json: $.routing.certificateArn: "arn:aws:acm:us-east-1:123456789012:certificate/abc" is invalid; expected an ACM certificate ARN in the environment\'s region: the load balancer then serves HTTPS on 443 and redirects HTTP on 80 (e.g. "arn:aws:acm:us-east-1:123456789012:certificate/0a1b2c3d-4e5f-6789-abcd-ef0123456789")',
    ],
  },
  {
    rule: "the certificate is in the load balancer's region",
    mistake: {
      edit: {
        [DEV]: (env) =>
          (env.routing.certificateArn = CERTIFICATE.replace("us-east-1", "us-west-2")),
      },
    },
    problems: [
      'environments/dev.json: $.routing.certificateArn: "arn:aws:acm:us-west-2:123456789012:certificate/0a1b2c3d-4e5f-6789-abcd-ef0123456789" is a certificate of region "us-west-2"; expected one in "us-east-1", the load balancer\'s region (request or import it there)',
    ],
  },
  {
    rule: "the certificate is in the load balancer's account",
    mistake: {
      edit: {
        [DEV]: (env) => {
          env.routing.certificateArn = CERTIFICATE;
          env.accountId = "210987654321";
        },
      },
    },
    problems: [
      'environments/dev.json: $.routing.certificateArn: "arn:aws:acm:us-east-1:123456789012:certificate/0a1b2c3d-4e5f-6789-abcd-ef0123456789" belongs to account "123456789012"; expected a certificate of account "210987654321", where the load balancer is',
    ],
  },
  {
    rule: "the log retention is a period CloudWatch offers",
    mistake: { edit: { [DEV]: (env) => (env.logRetentionDays = 13) } },
    problems: [
      "environments/dev.json: $.logRetentionDays: 13 is not allowed; expected one of 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653",
    ],
  },
  {
    rule: "the capacity provider strategy keeps a weight above 0",
    mistake: { edit: { [DEV]: (env) => (env.compute = { onDemandWeight: 0, spotWeight: 0 }) } },
    problems: [
      "environments/dev.json: $.compute.spotWeight: 0 with onDemandWeight 0 leaves ECS no capacity provider to place tasks on beyond the base; expected spotWeight above 0, or onDemandWeight above 0 to run on demand only",
    ],
  },
  {
    rule: "a capacity provider weight is within what ECS accepts",
    mistake: { edit: { [PROD]: (env) => (env.compute = { onDemandWeight: 1001 }) } },
    problems: [
      "environments/prod.json: $.compute.onDemandWeight: 1001 is outside 0 to 1000; expected the share of tasks above the base placed on on-demand Fargate, relative to spotWeight; defaults to 3 in production, 1 elsewhere",
    ],
  },
  {
    rule: "alarm e-mails are addresses",
    mistake: {
      edit: { [PROD]: (env) => (env.observability.alarmEmails = ["ops at example.com"]) },
    },
    problems: [
      'environments/prod.json: $.observability.alarmEmails[0]: "ops at example.com" is invalid; expected an e-mail address (e.g. "ops@example.com")',
    ],
  },
  {
    rule: "an unknown observability setting is rejected",
    mistake: { edit: { [PROD]: (env) => (env.observability.tracing = true) } },
    problems: [
      'environments/prod.json: $.observability.tracing: unknown key; expected one of "alarmEmails", "xray"',
    ],
  },
  {
    rule: "a file is valid JSON",
    mistake: { write: { [DEV]: '{ "name": "dev", }' } },
    problems: [
      "environments/dev.json: $: is not valid JSON (Expected double-quoted property name in JSON at position 17, line 1 column 18); fix the syntax",
    ],
  },
]);
