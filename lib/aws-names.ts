import { shortHash } from "./stable-hash";

/** Length limits of the AWS names this project builds. */
export const AWS_NAME_LIMITS = {
  loadBalancer: 32,
  targetGroup: 32,
  iamRole: 64,
  securityGroup: 255,
  ecsCluster: 255,
  ecsService: 255,
  ecrRepository: 256,
  logGroup: 512,
  serviceDiscoveryNamespace: 1024,
  dbIdentifier: 63,
  dbParameterGroup: 255,
  dynamodbTable: 255,
  kmsAlias: 256,
  cloudwatchAlarm: 255,
  cloudwatchDashboard: 255,
  snsTopic: 256,
} as const;

const HASH_LENGTH = 6;

/**
 * Joins name parts with hyphens and, when the result is longer than the limit, shortens it
 * deterministically: the head of the name, a hyphen, and a hash of the full name. Two long names
 * that differ only in their tails stay different, and the same input always gives the same name.
 */
export function fitName(parts: readonly string[], maxLength: number): string {
  const full = parts.filter((p) => p.length > 0).join("-");
  if (full.length <= maxLength) return full;
  const head = full.slice(0, maxLength - HASH_LENGTH - 1).replace(/-+$/, "");
  return `${head}-${shortHash(full, HASH_LENGTH)}`;
}
