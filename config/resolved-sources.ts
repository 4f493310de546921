import type { Sources } from "./rejected-values";
import type { ValuePath } from "./schema-repair";
import type { EnvironmentFile } from "./schema/environment";

/**
 * The written values, besides the one at the same path, that resolve.ts derives a resolved value
 * from (a default that depends on another field), by resolved path; a value inherits the entries
 * of the paths it lies under.
 */
const ENVIRONMENT_DERIVATIONS: Readonly<Record<string, readonly string[]>> = {
  "vpc.publicSubnets": ["vpc.privateSubnets", "vpc.cidr", "azs"],
  "vpc.privateSubnets": ["vpc.publicSubnets", "vpc.cidr", "azs"],
  "routing.sharedListenerPort": ["routing.certificateArn"],
  deletionProtection: ["production"],
  "database.instanceClass": ["production"],
  "database.maxAllocatedStorageGb": ["database.allocatedStorageGb"],
  "database.multiAz": ["production"],
  "database.backupRetentionDays": ["production"],
  "backup.retentionDays": ["production"],
  "backup.copy": ["backup.copyToRegion", "backup.copyRetentionDays", "backup.retentionDays"],
  "backup.copy.retentionDays": ["production"],
  compute: ["production"],
  "observability.xray": ["production"],
  "state.key": ["project", "name"],
  "state.region": ["region"],
};

const SERVICE_DERIVATIONS: Readonly<Record<string, readonly string[]>> = {
  "routing.priority": ["name"],
  "datastores.postgres.username": ["datastores.postgres.database"],
  "scaling.cpuTargetPercent": ["scaling.memoryTargetPercent", "scaling.requestsPerTarget"],
};

function sourcesFrom(derivations: Readonly<Record<string, readonly string[]>>): Sources {
  return (path) => {
    const extra = path
      .map((_, i) => derivations[path.slice(0, i + 1).join(".")] ?? [])
      .flat()
      .map((source) => source.split("."));
    return [path, ...extra];
  };
}

/**
 * Sources of a resolved environment's values. Its services are not among them: each is a
 * resolved service of its own (see `overrideRejections`).
 */
export const environmentSources: Sources = sourcesFrom(ENVIRONMENT_DERIVATIONS);

/** Sources of a resolved service's values, in its manifest and in an environment's overrides. */
export const serviceSources: Sources = sourcesFrom(SERVICE_DERIVATIONS);

type OverrideKey = keyof NonNullable<EnvironmentFile["services"]>[string];

/** What an environment may override of a service: the compiler keeps it to the overrides' schema. */
const OVERRIDE_KEYS: Readonly<Record<OverrideKey, true>> = {
  desiredCount: true,
  cpu: true,
  memory: true,
  scaling: true,
};

/**
 * The paths of a service, as one environment runs it, that the environment's rejected
 * overrides leave unknown: a rejected override value, or every value an override could set
 * when the whole override (or the environment's services) was rejected.
 */
export function overrideRejections(
  environmentRejected: readonly ValuePath[],
  service: string,
): ValuePath[] {
  return environmentRejected.flatMap((path): ValuePath[] => {
    if (path[0] !== "services") return [];
    if (path.length > 2) return path[1] === service ? [path.slice(2)] : [];
    if (path.length === 2 && path[1] !== service) return [];
    return Object.keys(OVERRIDE_KEYS).map((key) => [key]);
  });
}

/** Whether a rejected path of an environment is about the environment itself, not its services. */
export const isAboutEnvironment = (path: ValuePath) => path[0] !== "services";
