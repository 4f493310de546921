/**
 * The enumerations and defaults of the configuration, apart from the schemas so that code which
 * only needs a default does not load the schema builder. Enumerations the stack's modules share
 * are declared in lib/ and re-exported here.
 */
export { CPU_ARCHITECTURES, type CpuArchitecture } from "../../lib/docker-platform";
export {
  DYNAMODB_ATTRIBUTE_TYPES,
  DYNAMODB_PROJECTIONS,
  type DynamodbAttributeType,
  type DynamodbProjection,
} from "../../lib/dynamodb-keys";
export { ROUTING_STYLES, type RoutingStyle } from "../../lib/listener-plan";
export { NAT_STRATEGIES, type NatStrategy } from "../../lib/nat-gateways";
export { STATIC_OBJECT_ACCESS, type StaticObjectAccess } from "../../lib/static-object-access";
export const STATE_LOCKS = ["s3", "dynamodb"] as const;
/** The retention periods CloudWatch Logs accepts. */
export const LOG_RETENTION_DAYS = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288,
  3653,
] as const;
export const FARGATE_CPU_UNITS = [256, 512, 1024, 2048, 4096, 8192, 16384] as const;
/** The TCP ports a container or listener may use. */
export const PORT_RANGE = { min: 1, max: 65535 } as const;
/** The priorities a load balancer's listener rules may have. */
export const RULE_PRIORITY_RANGE = { min: 1, max: 50000 } as const;

/** Defaults the schema advertises to editors and the loader applies: one source for both. */
export const ENVIRONMENT_DEFAULTS = {
  logRetentionDays: 30,
  keepImages: 2,
} as const;

/** Defaults of an environment's `security` settings. */
export const SECURITY_DEFAULTS = {
  /** Requests one client IP may make in a 5-minute window before the web ACL blocks it. */
  wafRateLimit: 2000,
  /** Days the load balancer's access logs are kept. */
  accessLogExpirationDays: 90,
} as const;

/** The limits AWS WAF puts on a rate-based rule's request count. */
export const WAF_RATE_LIMIT_RANGE = { min: 10, max: 2_000_000_000 } as const;

/**
 * Interface VPC endpoints an environment may ask for (com.amazonaws.<region>.<name>). Without a NAT
 * gateway, tasks reach AWS only through these (and the S3 gateway endpoint every VPC has).
 */
export const INTERFACE_ENDPOINTS = [
  "ecr.api",
  "ecr.dkr",
  "logs",
  "secretsmanager",
  "ssm",
  "xray",
] as const;

/**
 * How each service's tasks are spread over Fargate and Fargate Spot: the first `onDemandBase`
 * tasks on Fargate, the rest in the ratio onDemandWeight : spotWeight. Production keeps two
 * on-demand tasks and puts a quarter of the surge on Spot; elsewhere one on-demand task survives
 * Spot interruptions and three quarters of the rest run on Spot. Both weights stay above 0: AWS
 * documents that a provider of weight 0 places no tasks, and not whether its base still holds.
 */
export const COMPUTE_DEFAULTS = {
  production: { onDemandBase: 2, onDemandWeight: 3, spotWeight: 1 },
  other: { onDemandBase: 1, onDemandWeight: 1, spotWeight: 3 },
} as const;

/** Alarms notify nobody unless addresses are given; X-Ray tracing defaults to `production`. */
export const OBSERVABILITY_DEFAULTS = { alarmEmails: [] as readonly string[] } as const;

/** Applied when a service's scaling block names no target: track average CPU. */
export const SCALING_DEFAULTS = { cpuTargetPercent: 70 } as const;

/** Defaults the schema advertises to editors and the loader applies: one source for both. */
export const SERVICE_DEFAULTS = {
  cpuArchitecture: "X86_64",
  healthCheck: {
    intervalSeconds: 15,
    timeoutSeconds: 5,
    healthyThreshold: 2,
    unhealthyThreshold: 3,
    gracePeriodSeconds: 60,
  },
} as const;

/**
 * The DynamoDB data-plane operations a service may declare. Transactions are authorized through
 * these (TransactWriteItems needs PutItem/UpdateItem/DeleteItem/ConditionCheckItem), so they have
 * no entry of their own.
 */
export const DYNAMODB_OPERATIONS = [
  "GetItem",
  "BatchGetItem",
  "Query",
  "Scan",
  "PutItem",
  "UpdateItem",
  "DeleteItem",
  "BatchWriteItem",
  "ConditionCheckItem",
] as const;

/** Where a service's shared storage may not be mounted: the container's scratch directory. */
export const RESERVED_MOUNT_PATHS = ["/tmp"] as const;

/**
 * Defaults and limits of an environment's `backup` settings (AWS Backup). Retention depends on
 * whether the environment is production.
 */
export const BACKUP_DEFAULTS = {
  retentionDays: { production: 35, other: 7 },
  /** AWS keeps a recovery point in cold storage for 90 days at least. */
  minimumColdStorageDays: 90,
  /** The longest retention AWS Backup accepts (100 years). */
  maximumRetentionDays: 36500,
} as const;

/** Database names PostgreSQL or RDS already use; RDS refuses to create them. */
export const RESERVED_DATABASE_NAMES = ["postgres", "template0", "template1", "rdsadmin"] as const;

/**
 * Defaults of an environment's `database` settings. Some depend on whether the environment is
 * production, so the schema describes them instead of advertising one value.
 */
export const DATABASE_DEFAULTS = {
  engineVersion: "16",
  instanceClass: { production: "db.t4g.medium", other: "db.t4g.micro" },
  allocatedStorageGb: 20,
  /** Storage autoscaling ceiling: this, or twice the allocated storage when that is more. */
  maxAllocatedStorageGb: 100,
  backupRetentionDays: { production: 14, other: 7 },
  readReplica: false,
  performanceInsights: true,
} as const;

export type FargateCpu = (typeof FARGATE_CPU_UNITS)[number];
export type InterfaceEndpoint = (typeof INTERFACE_ENDPOINTS)[number];
export type DynamodbOperation = (typeof DYNAMODB_OPERATIONS)[number];
