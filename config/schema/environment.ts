import { Type, type Static } from "@sinclair/typebox";
import { HTTP_PORT, HTTPS_PORT } from "../../lib/ports";
import {
  BACKUP_DEFAULTS,
  COMPUTE_DEFAULTS,
  DATABASE_DEFAULTS,
  ENVIRONMENT_DEFAULTS,
  FARGATE_CPU_UNITS,
  INTERFACE_ENDPOINTS,
  LOG_RETENTION_DAYS,
  NAT_STRATEGIES,
  ROUTING_STYLES,
  SECURITY_DEFAULTS,
  STATE_LOCKS,
  WAF_RATE_LIMIT_RANGE,
} from "./constants";
import {
  CERTIFICATE_ARN_PATTERN,
  Cidr,
  KeyedRecord,
  NumberEnum,
  Port,
  REGION_PATTERN,
  ServiceName,
  StringEnum,
} from "./fields";

const Vpc = Type.Object(
  {
    cidr: Cidr("the VPC's IPv4 CIDR block, /16 to /24", "10.0.0.0/16"),
    publicSubnets: Type.Optional(
      Type.Array(Cidr("a public subnet CIDR block inside the VPC", "10.0.0.0/20"), {
        description:
          "one public subnet CIDR per AZ, in the order of azs; derived from the VPC CIDR when omitted",
      }),
    ),
    privateSubnets: Type.Optional(
      Type.Array(Cidr("a private subnet CIDR block inside the VPC", "10.0.128.0/20"), {
        description:
          "one private subnet CIDR per AZ, in the order of azs; derived from the VPC CIDR when omitted",
      }),
    ),
    natStrategy: StringEnum(NAT_STRATEGIES, {
      description:
        "egress for the private subnets: a NAT gateway per AZ (highly available), a single shared one (cheaper), or none (then see interfaceEndpoints)",
    }),
    interfaceEndpoints: Type.Optional(
      Type.Array(StringEnum(INTERFACE_ENDPOINTS, { description: "an interface VPC endpoint" }), {
        uniqueItems: true,
        description:
          'interface VPC endpoints in the private subnets, so tasks reach those AWS APIs privately; with natStrategy "none" they are the only way out: "ecr.api", "ecr.dkr" and "logs" always, "secretsmanager" or "ssm" when services use such secrets (S3 has a gateway endpoint)',
        default: [],
      }),
    ),
  },
  { additionalProperties: false, description: "the network" },
);

const Routing = Type.Object(
  {
    style: StringEnum(ROUTING_STYLES, {
      description:
        "how the load balancer reaches services: a listener per service port, path-prefix rules on one shared listener, or both",
    }),
    sharedListenerPort: Type.Optional(
      Port(
        `the port of the shared path-routing listener; defaults to ${HTTP_PORT}, or ${HTTPS_PORT} with certificateArn (then the only port allowed)`,
      ),
    ),
    certificateArn: Type.Optional(
      Type.String({
        pattern: CERTIFICATE_ARN_PATTERN,
        description:
          "an ACM certificate ARN in the environment's region: the load balancer then serves HTTPS on 443 and redirects HTTP on 80",
        examples: [
          "arn:aws:acm:us-east-1:123456789012:certificate/0a1b2c3d-4e5f-6789-abcd-ef0123456789",
        ],
      }),
    ),
  },
  { additionalProperties: false, description: "load balancer routing" },
);

const Security = Type.Object(
  {
    waf: Type.Optional(
      Type.Object(
        {
          rateLimit: Type.Optional(
            Type.Integer({
              minimum: WAF_RATE_LIMIT_RANGE.min,
              maximum: WAF_RATE_LIMIT_RANGE.max,
              description:
                "requests one client IP address may make in any 5 minutes before the web ACL blocks it",
              default: SECURITY_DEFAULTS.wafRateLimit,
            }),
          ),
        },
        {
          additionalProperties: false,
          description:
            "the AWS WAF web ACL in front of the load balancer (AWS managed rules: common, known bad inputs, SQL injection, IP reputation; and a per-IP rate limit)",
        },
      ),
    ),
    accessLogs: Type.Optional(
      Type.Object(
        {
          expirationDays: Type.Optional(
            Type.Integer({
              minimum: 1,
              maximum: 3650,
              description: "days the load balancer's access logs are kept in their bucket",
              default: SECURITY_DEFAULTS.accessLogExpirationDays,
            }),
          ),
        },
        { additionalProperties: false, description: "the load balancer's access logs in S3" },
      ),
    ),
  },
  { additionalProperties: false, description: "the edge's protections and logs" },
);

const ServiceOverrides = Type.Object(
  {
    desiredCount: Type.Optional(
      Type.Integer({
        minimum: 0,
        maximum: 1000,
        description: "number of tasks to run in this environment",
      }),
    ),
    cpu: Type.Optional(
      NumberEnum(FARGATE_CPU_UNITS, { description: "Fargate CPU units in this environment" }),
    ),
    memory: Type.Optional(
      Type.Integer({
        minimum: 512,
        maximum: 122880,
        description: "task memory in MiB in this environment",
      }),
    ),
    scaling: Type.Optional(
      Type.Object(
        {
          minCount: Type.Optional(
            Type.Integer({
              minimum: 0,
              maximum: 1000,
              description: "the fewest tasks autoscaling keeps running in this environment",
            }),
          ),
          maxCount: Type.Optional(
            Type.Integer({
              minimum: 1,
              maximum: 1000,
              description: "the most tasks autoscaling may run in this environment",
            }),
          ),
        },
        {
          additionalProperties: false,
          description: "this environment's autoscaling bounds (the manifest must have scaling)",
        },
      ),
    ),
  },
  { additionalProperties: false, description: "per-environment sizes and counts for one service" },
);

const Database = Type.Object(
  {
    engineVersion: Type.Optional(
      Type.String({
        pattern: "^1[3-7](\\.[0-9]+)?$",
        description:
          "the PostgreSQL version: a major version (minor versions then upgrade automatically) or major.minor",
        default: DATABASE_DEFAULTS.engineVersion,
        examples: ["16"],
      }),
    ),
    instanceClass: Type.Optional(
      Type.String({
        pattern: "^db\\.[a-z][a-z0-9-]*\\.[a-z0-9]+$",
        description: `the RDS instance class; defaults to ${DATABASE_DEFAULTS.instanceClass.production} in production, ${DATABASE_DEFAULTS.instanceClass.other} elsewhere`,
        examples: ["db.t4g.medium"],
      }),
    ),
    allocatedStorageGb: Type.Optional(
      Type.Integer({
        minimum: 20,
        maximum: 65536,
        description: "the gp3 storage allocated at creation, in GiB",
        default: DATABASE_DEFAULTS.allocatedStorageGb,
      }),
    ),
    maxAllocatedStorageGb: Type.Optional(
      Type.Integer({
        minimum: 20,
        maximum: 65536,
        description: `the ceiling storage autoscaling may grow to, in GiB; equal to allocatedStorageGb turns autoscaling off; defaults to ${DATABASE_DEFAULTS.maxAllocatedStorageGb} or twice allocatedStorageGb, whichever is more`,
      }),
    ),
    multiAz: Type.Optional(
      Type.Boolean({
        description:
          "keep a synchronous standby in a second AZ that takes over on failure; defaults to production",
      }),
    ),
    backupRetentionDays: Type.Optional(
      Type.Integer({
        minimum: 7,
        maximum: 35,
        description: `days of automated backups (point-in-time restore), 7 to 35; defaults to ${DATABASE_DEFAULTS.backupRetentionDays.production} in production, ${DATABASE_DEFAULTS.backupRetentionDays.other} elsewhere`,
      }),
    ),
    readReplica: Type.Optional(
      Type.Boolean({
        description: "add a read replica of each database (its host is DATABASE_READ_HOST)",
        default: DATABASE_DEFAULTS.readReplica,
      }),
    ),
    performanceInsights: Type.Optional(
      Type.Boolean({
        description:
          "turn on Performance Insights (7 days, free tier); turn off for instance classes that lack it",
        default: DATABASE_DEFAULTS.performanceInsights,
      }),
    ),
  },
  {
    additionalProperties: false,
    description:
      "sizes and safety of the RDS PostgreSQL instances of the services that declare postgres",
  },
);

const { production: PRODUCTION_COMPUTE, other: OTHER_COMPUTE } = COMPUTE_DEFAULTS;

const Compute = Type.Object(
  {
    onDemandBase: Type.Optional(
      Type.Integer({
        minimum: 0,
        maximum: 100000,
        description: `how many tasks of each service always run on on-demand Fargate before the weights apply; defaults to ${PRODUCTION_COMPUTE.onDemandBase} in production, ${OTHER_COMPUTE.onDemandBase} elsewhere`,
      }),
    ),
    onDemandWeight: Type.Optional(
      Type.Integer({
        minimum: 0,
        maximum: 1000,
        description: `the share of tasks above the base placed on on-demand Fargate, relative to spotWeight; defaults to ${PRODUCTION_COMPUTE.onDemandWeight} in production, ${OTHER_COMPUTE.onDemandWeight} elsewhere`,
      }),
    ),
    spotWeight: Type.Optional(
      Type.Integer({
        minimum: 0,
        maximum: 1000,
        description: `the share of tasks above the base placed on Fargate Spot (interrupted with two minutes' notice), relative to onDemandWeight; 0 keeps every task on demand; defaults to ${PRODUCTION_COMPUTE.spotWeight} in production, ${OTHER_COMPUTE.spotWeight} elsewhere`,
      }),
    ),
  },
  {
    additionalProperties: false,
    description:
      "how the services' tasks are spread over Fargate (on demand) and Fargate Spot (cheaper, interruptible)",
  },
);

const Observability = Type.Object(
  {
    alarmEmails: Type.Optional(
      Type.Array(
        Type.String({
          pattern: "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$",
          maxLength: 254,
          description: "an e-mail address",
          examples: ["ops@example.com"],
        }),
        {
          uniqueItems: true,
          maxItems: 20,
          description:
            "addresses the alarm topic mails when an alarm fires or recovers (each must confirm the subscription AWS mails it); none by default",
          default: [],
        },
      ),
    ),
    xray: Type.Optional(
      Type.Boolean({
        description:
          "run the AWS X-Ray daemon next to every service and give the services AWS_XRAY_DAEMON_ADDRESS; defaults to production",
      }),
    ),
  },
  {
    additionalProperties: false,
    description: "the dashboard, alarms and tracing of this environment",
  },
);

const RetentionDays = (description: string) =>
  Type.Integer({ minimum: 1, maximum: BACKUP_DEFAULTS.maximumRetentionDays, description });

const Backup = Type.Object(
  {
    retentionDays: Type.Optional(
      RetentionDays(
        `days AWS Backup keeps each daily recovery point; defaults to ${BACKUP_DEFAULTS.retentionDays.production} in production, ${BACKUP_DEFAULTS.retentionDays.other} elsewhere`,
      ),
    ),
    coldStorageAfterDays: Type.Optional(
      RetentionDays(
        `days before a recovery point moves to cold storage, where AWS keeps it ${BACKUP_DEFAULTS.minimumColdStorageDays} days at least (file systems only; databases and tables stay warm); none when omitted`,
      ),
    ),
    copyToRegion: Type.Optional(
      Type.String({
        pattern: REGION_PATTERN,
        description:
          "a second region each recovery point is copied to, into a vault of its own there; no copy when omitted",
        examples: ["us-west-2"],
      }),
    ),
    copyRetentionDays: Type.Optional(
      RetentionDays("days the copies in copyToRegion are kept; defaults to retentionDays"),
    ),
  },
  {
    additionalProperties: false,
    description:
      "AWS Backup of the environment's databases, tables and file systems: a daily plan into a KMS-encrypted vault, optionally copied to another region",
  },
);

const State = Type.Object(
  {
    bucket: Type.String({
      pattern: "^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$",
      description:
        "the S3 bucket that holds Terraform state: 3 to 63 lowercase letters, digits, dots and hyphens, starting and ending with a letter or digit",
      examples: ["acme-shop-terraform-state"],
    }),
    key: Type.Optional(
      Type.String({
        pattern: "^[A-Za-z0-9!_.*'()/-]+$",
        description: "the state object key; defaults to <project>/<environment>/terraform.tfstate",
        examples: ["shop/prod/terraform.tfstate"],
      }),
    ),
    region: Type.Optional(
      Type.String({
        pattern: REGION_PATTERN,
        description: "the state bucket's region; defaults to the environment's region",
      }),
    ),
    lock: StringEnum(STATE_LOCKS, {
      description: "state locking: S3-native lock files (use_lockfile) or a DynamoDB lock table",
    }),
    dynamodbTable: Type.Optional(
      Type.String({
        pattern: "^[A-Za-z0-9_.-]{3,255}$",
        description: "the DynamoDB lock table, required when lock is dynamodb",
        examples: ["shop-terraform-locks"],
      }),
    ),
  },
  { additionalProperties: false, description: "where Terraform keeps this environment's state" },
);

export const EnvironmentSchema = Type.Object(
  {
    $schema: Type.Optional(
      Type.String({ description: "path to this file's JSON Schema, for editors" }),
    ),
    name: Type.String({
      pattern: "^[a-z][a-z0-9]{1,9}$",
      description:
        "the environment name: 2-10 lowercase letters and digits, starting with a letter",
      examples: ["prod"],
    }),
    project: Type.String({
      pattern: "^[a-z][a-z0-9]*(-[a-z0-9]+)*$",
      maxLength: 12,
      description:
        "the project name that prefixes every resource: up to 12 lowercase letters, digits and hyphens",
      examples: ["shop"],
    }),
    production: Type.Boolean({
      description:
        "true for production: turns on deletion protection and keeps data when resources are destroyed",
    }),
    region: Type.String({
      pattern: REGION_PATTERN,
      description: "the AWS region",
      examples: ["us-east-1"],
    }),
    accountId: Type.Optional(
      Type.String({
        pattern: "^[0-9]{12}$",
        description:
          "the 12-digit AWS account this environment may deploy to (guards against the wrong credentials)",
        examples: ["123456789012"],
      }),
    ),
    azs: Type.Array(
      Type.String({
        pattern: "^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-[0-9]{1,2}[a-z]$",
        description: "an availability zone name",
        examples: ["us-east-1a"],
      }),
      {
        minItems: 2,
        uniqueItems: true,
        description: "the availability zones of the region to spread over",
        examples: [["us-east-1a", "us-east-1b"]],
      },
    ),
    vpc: Vpc,
    routing: Routing,
    security: Type.Optional(Security),
    deletionProtection: Type.Optional(
      Type.Boolean({
        description:
          "protect the load balancer and data stores from deletion; defaults to production",
      }),
    ),
    logRetentionDays: Type.Optional(
      NumberEnum(LOG_RETENTION_DAYS, {
        description: "how long CloudWatch keeps logs, in days",
        default: ENVIRONMENT_DEFAULTS.logRetentionDays,
      }),
    ),
    ecr: Type.Optional(
      Type.Object(
        {
          keepImages: Type.Optional(
            Type.Integer({
              minimum: 1,
              maximum: 1000,
              description: "how many of the most recent images each repository keeps",
              default: ENVIRONMENT_DEFAULTS.keepImages,
            }),
          ),
        },
        { additionalProperties: false, description: "container registries" },
      ),
    ),
    services: Type.Optional(
      KeyedRecord(ServiceName("a service name"), ServiceOverrides, {
        description: "per-service sizes and counts for this environment, keyed by service name",
      }),
    ),
    database: Type.Optional(Database),
    backup: Type.Optional(Backup),
    compute: Type.Optional(Compute),
    observability: Type.Optional(Observability),
    state: State,
    tags: Type.Optional(
      KeyedRecord(
        Type.String({
          minLength: 1,
          maxLength: 128,
          description: "a tag key of 1 to 128 characters",
        }),
        Type.String({ maxLength: 256, description: "a tag value of up to 256 characters" }),
        { description: "tags applied to every resource" },
      ),
    ),
  },
  { additionalProperties: false, $id: "environment.schema.json", title: "Environment" },
);

export type EnvironmentFile = Static<typeof EnvironmentSchema>;
