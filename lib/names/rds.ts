import { AWS_NAME_LIMITS, fitName } from "../aws-names";
import { kmsAliasName } from "./kms-alias";

/** The PostgreSQL logs RDS exports to CloudWatch Logs, each under a name of RDS's choosing. */
export const RDS_EXPORTED_LOGS = ["postgresql", "upgrade"] as const;

/** The parameter group family of a PostgreSQL version: "16" and "16.4" both give "postgres16". */
export function parameterGroupFamily(engineVersion: string): string {
  const major = /^(\d+)/.exec(engineVersion)?.[1];
  if (!major) throw new Error(`"${engineVersion}" is not a PostgreSQL version such as "16"`);
  return `postgres${major}`;
}

/** The names the RDS module gives its resources; `identifier` is e.g. "shop-prod-users". */
export const rdsNames = (identifier: string) => {
  const instance = fitName([identifier], AWS_NAME_LIMITS.dbIdentifier);
  return {
    instance,
    replica: fitName([instance, "replica"], AWS_NAME_LIMITS.dbIdentifier),
    subnetGroup: instance,
    parameterGroup: (engineVersion: string) =>
      fitName([instance, parameterGroupFamily(engineVersion)], AWS_NAME_LIMITS.dbParameterGroup),
    securityGroup: fitName([instance, "postgres"], AWS_NAME_LIMITS.securityGroup),
    keyAlias: kmsAliasName(`${instance}-postgres`),
    /** The log group RDS writes one exported log of one instance (the instance or its replica) to. */
    logGroup: (dbInstance: string, log: (typeof RDS_EXPORTED_LOGS)[number]) =>
      `/aws/rds/instance/${dbInstance}/${log}`,
  };
};
