import { sharedListenerPortFor } from "../lib/listener-plan";
import { stableNumber } from "../lib/stable-hash";
import { deriveSubnetLayout, MAX_DERIVED_AZS, SUBNET_NEW_BITS } from "../lib/subnet-layout";
import { parseCidr } from "../lib/cidr";
import type {
  BackupSettings,
  ComputeSettings,
  DatabaseSettings,
  DynamodbKey,
  EnvironmentConfig,
  ScalingConfig,
  ServiceConfig,
  ServiceDatastores,
} from "./model";
import {
  BACKUP_DEFAULTS,
  COMPUTE_DEFAULTS,
  DATABASE_DEFAULTS,
  ENVIRONMENT_DEFAULTS,
  OBSERVABILITY_DEFAULTS,
  SCALING_DEFAULTS,
  SECURITY_DEFAULTS,
  SERVICE_DEFAULTS,
} from "./schema/constants";
import type { EnvironmentFile } from "./schema/environment";
import type { ServiceFile } from "./schema/service";

/** Listener rule priorities derived from service names fall in this range, leaving room below for explicit ones. */
export const DERIVED_PRIORITY_RANGE = { min: 1000, max: 49999 } as const;

export interface ServiceSource {
  readonly file: string;
  readonly directory: string;
  readonly manifest: ServiceFile;
}

export function resolveService(source: ServiceSource): ServiceConfig {
  const { manifest } = source;
  return {
    file: source.file,
    directory: source.directory,
    name: manifest.name,
    port: manifest.port,
    healthCheck: { ...SERVICE_DEFAULTS.healthCheck, ...manifest.healthCheck },
    cpu: manifest.cpu,
    memory: manifest.memory,
    cpuArchitecture: manifest.cpuArchitecture ?? SERVICE_DEFAULTS.cpuArchitecture,
    desiredCount: manifest.desiredCount,
    scaling: manifest.scaling && resolveScaling(manifest.scaling),
    routing: {
      ...manifest.routing,
      priority:
        manifest.routing.priority ??
        stableNumber(manifest.name, DERIVED_PRIORITY_RANGE.min, DERIVED_PRIORITY_RANGE.max),
    },
    environment: manifest.environment ?? {},
    secrets: manifest.secrets ?? {},
    calls: manifest.calls ?? [],
    datastores: resolveDatastores(manifest.datastores),
    ...(manifest.staticObjects && { staticObjects: manifest.staticObjects }),
    ...(manifest.sharedStorage && { sharedStorage: { path: manifest.sharedStorage.path } }),
  };
}

type KeyFile = { readonly name: string; readonly type?: DynamodbKey["type"] };
const resolveKey = (key: KeyFile): DynamodbKey => ({ name: key.name, type: key.type ?? "S" });

function resolveDatastores(datastores: ServiceFile["datastores"]): ServiceDatastores {
  const { postgres, dynamodb } = datastores ?? {};
  return {
    ...(postgres && {
      postgres: { database: postgres.database, username: `${postgres.database}_admin` },
    }),
    ...(dynamodb && {
      dynamodb: {
        partitionKey: resolveKey(dynamodb.partitionKey),
        ...(dynamodb.sortKey && { sortKey: resolveKey(dynamodb.sortKey) }),
        indexes: (dynamodb.indexes ?? []).map((index) => ({
          name: index.name,
          partitionKey: resolveKey(index.partitionKey),
          ...(index.sortKey && { sortKey: resolveKey(index.sortKey) }),
          projection: index.projection ?? "ALL",
        })),
        operations: dynamodb.operations,
      },
    }),
  };
}

/**
 * The subnets as written when both tiers are, else derived from the VPC CIDR. A VPC block or AZ
 * count the layout cannot serve gets no subnets: the network checks report it, so such a
 * configuration never reaches synthesis.
 */
function resolveSubnets(
  env: EnvironmentFile,
): Pick<EnvironmentConfig["vpc"], "publicSubnets" | "privateSubnets"> {
  const { publicSubnets, privateSubnets, cidr } = env.vpc;
  if (publicSubnets && privateSubnets) return { publicSubnets, privateSubnets };
  const prefixLength = parseCidr(cidr)?.prefixLength ?? 32;
  const derivable = env.azs.length <= MAX_DERIVED_AZS && prefixLength + SUBNET_NEW_BITS <= 32;
  return derivable
    ? deriveSubnetLayout(cidr, env.azs.length)
    : { publicSubnets: [], privateSubnets: [] };
}

function resolveDatabase(env: EnvironmentFile): DatabaseSettings {
  const database = env.database ?? {};
  const tier = env.production ? "production" : "other";
  const allocatedStorageGb = database.allocatedStorageGb ?? DATABASE_DEFAULTS.allocatedStorageGb;
  return {
    engineVersion: database.engineVersion ?? DATABASE_DEFAULTS.engineVersion,
    instanceClass: database.instanceClass ?? DATABASE_DEFAULTS.instanceClass[tier],
    allocatedStorageGb,
    maxAllocatedStorageGb:
      database.maxAllocatedStorageGb ??
      Math.max(DATABASE_DEFAULTS.maxAllocatedStorageGb, 2 * allocatedStorageGb),
    multiAz: database.multiAz ?? env.production,
    backupRetentionDays:
      database.backupRetentionDays ?? DATABASE_DEFAULTS.backupRetentionDays[tier],
    readReplica: database.readReplica ?? DATABASE_DEFAULTS.readReplica,
    performanceInsights: database.performanceInsights ?? DATABASE_DEFAULTS.performanceInsights,
  };
}

function resolveBackup(env: EnvironmentFile): BackupSettings {
  const backup = env.backup ?? {};
  const retentionDays =
    backup.retentionDays ?? BACKUP_DEFAULTS.retentionDays[env.production ? "production" : "other"];
  return {
    retentionDays,
    ...(backup.coldStorageAfterDays !== undefined && {
      coldStorageAfterDays: backup.coldStorageAfterDays,
    }),
    ...(backup.copyToRegion !== undefined && {
      copy: {
        region: backup.copyToRegion,
        retentionDays: backup.copyRetentionDays ?? retentionDays,
      },
    }),
  };
}

function resolveCompute(env: EnvironmentFile): ComputeSettings {
  const defaults = env.production ? COMPUTE_DEFAULTS.production : COMPUTE_DEFAULTS.other;
  return { ...defaults, ...env.compute };
}

function resolveScaling(scaling: NonNullable<ServiceFile["scaling"]>): ScalingConfig {
  const hasTarget =
    scaling.cpuTargetPercent !== undefined ||
    scaling.memoryTargetPercent !== undefined ||
    scaling.requestsPerTarget !== undefined;
  return hasTarget ? scaling : { ...scaling, cpuTargetPercent: SCALING_DEFAULTS.cpuTargetPercent };
}

type ServiceOverrides = NonNullable<EnvironmentFile["services"]>[string];

/** A service as one environment runs it: its overrides of sizes, counts and scaling bounds applied. */
export function applyOverrides(
  service: ServiceConfig,
  overrides?: ServiceOverrides,
): ServiceConfig {
  if (!overrides) return service;
  const { scaling, ...sizes } = overrides;
  return {
    ...service,
    ...sizes,
    scaling: service.scaling && scaling ? { ...service.scaling, ...scaling } : service.scaling,
  };
}

export function resolveEnvironment(
  file: string,
  env: EnvironmentFile,
  services: readonly ServiceConfig[],
): EnvironmentConfig {
  const overrides = env.services ?? {};
  return {
    file,
    name: env.name,
    project: env.project,
    production: env.production,
    region: env.region,
    accountId: env.accountId,
    azs: env.azs,
    vpc: {
      cidr: env.vpc.cidr,
      ...resolveSubnets(env),
      natStrategy: env.vpc.natStrategy,
      interfaceEndpoints: env.vpc.interfaceEndpoints ?? [],
    },
    routing: {
      style: env.routing.style,
      sharedListenerPort:
        env.routing.sharedListenerPort ?? sharedListenerPortFor(env.routing.certificateArn),
      certificateArn: env.routing.certificateArn,
    },
    security: {
      waf: { rateLimit: env.security?.waf?.rateLimit ?? SECURITY_DEFAULTS.wafRateLimit },
      accessLogs: {
        expirationDays:
          env.security?.accessLogs?.expirationDays ?? SECURITY_DEFAULTS.accessLogExpirationDays,
      },
    },
    deletionProtection: env.deletionProtection ?? env.production,
    logRetentionDays: env.logRetentionDays ?? ENVIRONMENT_DEFAULTS.logRetentionDays,
    ecr: { keepImages: env.ecr?.keepImages ?? ENVIRONMENT_DEFAULTS.keepImages },
    database: resolveDatabase(env),
    backup: resolveBackup(env),
    compute: resolveCompute(env),
    observability: {
      alarmEmails: env.observability?.alarmEmails ?? OBSERVABILITY_DEFAULTS.alarmEmails,
      xray: env.observability?.xray ?? env.production,
    },
    state: {
      bucket: env.state.bucket,
      key: env.state.key ?? `${env.project}/${env.name}/terraform.tfstate`,
      region: env.state.region ?? env.region,
      lock: env.state.lock,
      dynamodbTable: env.state.dynamodbTable,
    },
    tags: env.tags ?? {},
    services: services.map((service) => applyOverrides(service, overrides[service.name])),
  };
}
