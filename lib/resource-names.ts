import { AWS_NAME_LIMITS, fitName } from "./aws-names";
import type { AwsNameKind } from "./aws-name-rules";

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

export function environmentResourceNames(prefix: string): ResourceName[] {
  return [
    { kind: "loadBalancer", name: fitName([prefix], AWS_NAME_LIMITS.loadBalancer) },
    { kind: "securityGroup", role: "load balancer", name: `${prefix}-alb` },
    { kind: "ecsCluster", name: fitName([prefix], AWS_NAME_LIMITS.ecsCluster) },
    { kind: "serviceConnectNamespace", name: prefix },
  ];
}

export function serviceResourceNames(prefix: string, service: string): ResourceName[] {
  return [
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
    { kind: "ecsService", name: fitName([service], AWS_NAME_LIMITS.ecsService) },
    { kind: "containerName", name: service },
    { kind: "serviceConnectName", name: service },
  ];
}
