/**
 * The actions AWS authorizes only on "*": no resource-level permission exists for them, so an
 * identity policy may grant them on "*" (rule SEC-IAM-002). Each with its reason; keep it short.
 */
export const ACTIONS_ONLY_ON_ANY_RESOURCE: Readonly<Record<string, string>> = {
  "ecr:GetAuthorizationToken": "the token is for the registry, not for one repository",
  // The X-Ray daemon's calls (AWSXRayDaemonWriteAccess): X-Ray has no resource type for them.
  "xray:PutTraceSegments": "trace segments belong to no X-Ray resource",
  "xray:PutTelemetryRecords": "telemetry belongs to no X-Ray resource",
  "xray:GetSamplingRules": "the daemon reads every sampling rule it may apply",
  "xray:GetSamplingTargets": "sampling targets belong to no X-Ray resource",
  "xray:GetSamplingStatisticSummaries": "statistics belong to no X-Ray resource",
};

export function isOnlyOnAnyResource(action: string): boolean {
  return Object.hasOwn(ACTIONS_ONLY_ON_ANY_RESOURCE, action);
}
