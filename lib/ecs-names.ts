import { AWS_NAME_LIMITS, fitName } from "./aws-names";

/**
 * The names of an environment's ECS cluster and services. The ECS module names its resources with
 * these, and main.ts gives the same names to the alarms and dashboard, which are built before the
 * services (their deployment alarms must exist first) and so cannot reference them.
 */
export const ecsClusterName = (prefix: string): string =>
  fitName([prefix], AWS_NAME_LIMITS.ecsCluster);

export const ecsServiceName = (service: string): string =>
  fitName([service], AWS_NAME_LIMITS.ecsService);
