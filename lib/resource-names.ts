import type { AwsNameKind } from "./aws-name-rules";
import { albNames } from "./names/alb";
import { backupNames } from "./names/backup";
import { dynamodbNames } from "./names/dynamodb";
import { ecrRepositoryName } from "./names/ecr";
import { ecsNames } from "./names/ecs";
import { encryptionNames } from "./names/encryption";
import { serviceNameBase } from "./names/name-prefix";
import { observabilityNames } from "./names/observability";
import { RDS_EXPORTED_LOGS, rdsNames } from "./names/rds";
import { sharedStorageNames } from "./names/shared-storage";
import { staticObjectsNames } from "./names/static-objects";
import { vpcNames } from "./names/vpc";
import { wafNames } from "./names/waf";

/**
 * The AWS names the stack gives an environment's shared resources and each service's resources,
 * from the naming functions the modules name their resources with (lib/names/), so that
 * configuration checks can prove every name valid before anything is synthesized.
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

export function environmentResourceNames(
  prefix: string,
  naming: EnvironmentNaming = {},
): ResourceName[] {
  const alb = albNames(prefix);
  const waf = wafNames(prefix);
  const vpc = vpcNames(prefix);
  const ecs = ecsNames(prefix);
  const staticObjects = staticObjectsNames(prefix);
  const backup = backupNames(prefix);
  const sharedStorage = sharedStorageNames(prefix);
  const observability = observabilityNames(prefix);
  return [
    { kind: "loadBalancer", name: alb.loadBalancer },
    { kind: "securityGroup", role: "load balancer", name: alb.securityGroup },
    { kind: "s3BucketPrefix", role: "access logs", name: alb.accessLogBucketPrefix },
    { kind: "s3BucketPrefix", role: "static objects", name: staticObjects.bucketPrefix },
    { kind: "webAcl", name: waf.webAcl },
    { kind: "logGroup", role: "web ACL", name: waf.logGroup },
    { kind: "logGroup", role: "VPC flow logs", name: vpc.flowLogGroup },
    { kind: "iamRole", role: "VPC flow logs", name: vpc.flowLogRole },
    ...(naming.interfaceEndpoints
      ? [
          {
            kind: "securityGroup",
            role: "interface endpoints",
            name: vpc.endpointsSecurityGroup,
          } as const,
        ]
      : []),
    { kind: "ecsCluster", name: ecs.cluster },
    { kind: "serviceConnectNamespace", name: ecs.serviceConnectNamespace },
    { kind: "kmsAlias", role: "logs", name: encryptionNames(prefix).logsKeyAlias },
    { kind: "kmsAlias", role: "static objects", name: staticObjects.keyAlias },
    { kind: "kmsAlias", role: "backup vault", name: backup.vaultKeyAlias },
    { kind: "iamRole", role: "backup", name: backup.role },
    ...(naming.sharedStorage
      ? [
          { kind: "kmsAlias", role: "shared storage", name: sharedStorage.keyAlias } as const,
          {
            kind: "securityGroup",
            role: "shared storage",
            name: sharedStorage.securityGroup,
          } as const,
        ]
      : []),
    { kind: "snsTopic", role: "alarms", name: observability.alarmTopicFitted },
    { kind: "kmsAlias", role: "alarm topic", name: observability.alarmTopicKeyAlias },
    { kind: "cloudwatchDashboard", name: observability.dashboard },
  ];
}

/** What shapes a service's names beyond its own name: the data stores it declares. */
export interface ServiceNaming {
  readonly name: string;
  /** Set when the service has a PostgreSQL database. */
  readonly postgres?: { readonly engineVersion: string; readonly readReplica: boolean };
  readonly dynamodb?: boolean;
}

function postgresNames(
  identifier: string,
  postgres: NonNullable<ServiceNaming["postgres"]>,
): ResourceName[] {
  const names = rdsNames(identifier);
  const instances = [names.instance, ...(postgres.readReplica ? [names.replica] : [])];
  return [
    ...instances.map((name): ResourceName => ({ kind: "dbInstance", name })),
    { kind: "dbSubnetGroup", name: names.subnetGroup },
    { kind: "dbParameterGroup", name: names.parameterGroup(postgres.engineVersion) },
    { kind: "securityGroup", role: "database", name: names.securityGroup },
    { kind: "kmsAlias", role: "database", name: names.keyAlias },
    ...instances.flatMap((instance) =>
      RDS_EXPORTED_LOGS.map((log): ResourceName => ({
        kind: "logGroup",
        role: `database ${log}`,
        name: names.logGroup(instance, log),
      })),
    ),
  ];
}

function dynamodbResourceNames(tableName: string): ResourceName[] {
  const names = dynamodbNames(tableName);
  return [
    { kind: "dynamodbTable", name: names.table },
    { kind: "kmsAlias", role: "table", name: names.keyAlias },
  ];
}

export function serviceResourceNames(prefix: string, naming: ServiceNaming): ResourceName[] {
  const service = naming.name;
  const base = serviceNameBase(prefix, service);
  const ecs = ecsNames(prefix).service(service);
  return [
    ...(naming.postgres ? postgresNames(base, naming.postgres) : []),
    ...(naming.dynamodb ? dynamodbResourceNames(base) : []),
    { kind: "ecrRepository", name: ecrRepositoryName(prefix, service) },
    { kind: "targetGroup", name: albNames(prefix).targetGroup(service) },
    { kind: "iamRole", role: "execution", name: ecs.roles.execution },
    { kind: "iamRole", role: "task", name: ecs.roles.task },
    { kind: "securityGroup", name: ecs.securityGroup },
    { kind: "logGroup", name: ecs.logGroup },
    { kind: "taskFamily", name: ecs.taskFamily },
    { kind: "ecsService", name: ecs.ecsService },
    { kind: "containerName", name: ecs.container },
    { kind: "serviceConnectName", name: ecs.serviceConnect },
  ];
}
