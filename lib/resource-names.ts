import { AWS_NAME_LIMITS, fitName } from "./aws-names";
import type { AwsNameKind } from "./aws-name-rules";
import { ecsClusterName, ecsServiceName } from "./ecs-names";

/**
 * The AWS names the stack gives an environment's shared resources and each service's resources,
 * composed exactly as the modules compose them (a test compares these with a synthesized stack),
 * so that configuration checks can prove every name valid before anything is synthesized.
 * `prefix` is "<project>-<environment>", e.g. "shop-prod".
 */
export interface ResourceName {
  readonly kind: AwsNameKind;
  /** Which resource of that kind, when there are several (the execution or task IAM role). */
  readonly role?: string;
  readonly name: string;
}

/** What shapes an environment's names beyond its prefix. */
export interface EnvironmentNaming {
  /** Set when a service of the environment mounts shared storage (an EFS file system). */
  readonly sharedStorage?: boolean;
  /** Set when the environment has interface VPC endpoints (and their security group). */
  readonly interfaceEndpoints?: boolean;
}

const kmsAlias = (role: string, name: string): ResourceName => ({
  kind: "kmsAlias",
  role,
  name: fitName([`alias/${name}`], AWS_NAME_LIMITS.kmsAlias),
});

export function environmentResourceNames(
  prefix: string,
  naming: EnvironmentNaming = {},
): ResourceName[] {
  return [
    { kind: "loadBalancer", name: fitName([prefix], AWS_NAME_LIMITS.loadBalancer) },
    { kind: "securityGroup", role: "load balancer", name: `${prefix}-alb` },
    { kind: "s3BucketPrefix", role: "access logs", name: `${prefix}-alb-logs-` },
    { kind: "s3BucketPrefix", role: "static objects", name: `${prefix}-static-` },
    { kind: "webAcl", name: prefix },
    { kind: "logGroup", role: "web ACL", name: `aws-waf-logs-${prefix}` },
    { kind: "logGroup", role: "VPC flow logs", name: `/aws/vpc/flow-logs/${prefix}` },
    {
      kind: "iamRole",
      role: "VPC flow logs",
      name: fitName([prefix, "vpc-flow-logs"], AWS_NAME_LIMITS.iamRole),
    },
    ...(naming.interfaceEndpoints
      ? [
          {
            kind: "securityGroup",
            role: "interface endpoints",
            name: `${prefix}-endpoints`,
          } as const,
        ]
      : []),
    { kind: "ecsCluster", name: ecsClusterName(prefix) },
    { kind: "serviceConnectNamespace", name: prefix },
    kmsAlias("logs", `${prefix}-logs`),
    kmsAlias("static objects", `${prefix}-static`),
    // The backup vault's key is named after the vault.
    kmsAlias("backup vault", `${prefix}-backup`),
    {
      kind: "iamRole",
      role: "backup",
      name: fitName([`${prefix}-backup`], AWS_NAME_LIMITS.iamRole),
    },
    ...(naming.sharedStorage
      ? [
          kmsAlias("shared storage", `${prefix}-efs`),
          {
            kind: "securityGroup" as const,
            role: "shared storage",
            name: fitName([prefix, "efs"], AWS_NAME_LIMITS.securityGroup),
          },
        ]
      : []),
    {
      kind: "snsTopic",
      role: "alarms",
      name: fitName([`${prefix}-alarms`], AWS_NAME_LIMITS.snsTopic),
    },
    {
      kind: "kmsAlias",
      role: "alarm topic",
      name: fitName([`alias/${prefix}-alarms`], AWS_NAME_LIMITS.kmsAlias),
    },
    { kind: "cloudwatchDashboard", name: fitName([prefix], AWS_NAME_LIMITS.cloudwatchDashboard) },
  ];
}

/** What shapes a service's names beyond its own name: the data stores it declares. */
export interface ServiceNaming {
  readonly name: string;
  /** Set when the service has a PostgreSQL database. */
  readonly postgres?: { readonly engineVersion: string; readonly readReplica: boolean };
  readonly dynamodb?: boolean;
}

/** RDS writes these logs to CloudWatch, under names of its own choosing. */
const RDS_EXPORTED_LOGS = ["postgresql", "upgrade"];

function postgresNames(
  identifierBase: string,
  postgres: NonNullable<ServiceNaming["postgres"]>,
): ResourceName[] {
  const identifier = fitName([identifierBase], AWS_NAME_LIMITS.dbIdentifier);
  const family = `postgres${postgres.engineVersion.split(".")[0]}`;
  const instances = [identifier];
  if (postgres.readReplica) {
    instances.push(fitName([identifier, "replica"], AWS_NAME_LIMITS.dbIdentifier));
  }
  return [
    ...instances.map((name): ResourceName => ({ kind: "dbInstance", name })),
    { kind: "dbSubnetGroup", name: identifier },
    {
      kind: "dbParameterGroup",
      name: fitName([identifier, family], AWS_NAME_LIMITS.dbParameterGroup),
    },
    {
      kind: "securityGroup",
      role: "database",
      name: fitName([identifier, "postgres"], AWS_NAME_LIMITS.securityGroup),
    },
    {
      kind: "kmsAlias",
      role: "database",
      name: fitName([`alias/${identifier}-postgres`], AWS_NAME_LIMITS.kmsAlias),
    },
    ...instances.flatMap((instance) =>
      RDS_EXPORTED_LOGS.map((log): ResourceName => ({
        kind: "logGroup",
        role: `database ${log}`,
        name: `/aws/rds/instance/${instance}/${log}`,
      })),
    ),
  ];
}

function dynamodbNames(tableBase: string): ResourceName[] {
  const table = fitName([tableBase], AWS_NAME_LIMITS.dynamodbTable);
  return [
    { kind: "dynamodbTable", name: table },
    {
      kind: "kmsAlias",
      role: "table",
      name: fitName([`alias/${table}`], AWS_NAME_LIMITS.kmsAlias),
    },
  ];
}

export function serviceResourceNames(prefix: string, naming: ServiceNaming): ResourceName[] {
  const service = naming.name;
  return [
    ...(naming.postgres ? postgresNames(`${prefix}-${service}`, naming.postgres) : []),
    ...(naming.dynamodb ? dynamodbNames(`${prefix}-${service}`) : []),
    { kind: "ecrRepository", name: `${prefix}/${service}` },
    { kind: "targetGroup", name: fitName([prefix, service], AWS_NAME_LIMITS.targetGroup) },
    {
      kind: "iamRole",
      role: "execution",
      name: fitName([`${prefix}-${service}`, "exec"], AWS_NAME_LIMITS.iamRole),
    },
    {
      kind: "iamRole",
      role: "task",
      name: fitName([`${prefix}-${service}`, "task"], AWS_NAME_LIMITS.iamRole),
    },
    { kind: "securityGroup", name: fitName([prefix, service], AWS_NAME_LIMITS.securityGroup) },
    { kind: "logGroup", name: `/ecs/${prefix}/${service}` },
    { kind: "taskFamily", name: `${prefix}-${service}` },
    { kind: "ecsService", name: ecsServiceName(service) },
    { kind: "containerName", name: service },
    { kind: "serviceConnectName", name: service },
  ];
}
