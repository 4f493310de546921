import { AWS_NAME_LIMITS, fitName } from "../aws-names";

/** The names the load balancer module gives its resources; `prefix` is e.g. "shop-prod". */
export const albNames = (prefix: string) => ({
  loadBalancer: fitName([prefix], AWS_NAME_LIMITS.loadBalancer),
  securityGroup: `${prefix}-alb`,
  /** S3 appends a unique suffix: bucket names are global. */
  accessLogBucketPrefix: `${prefix}-alb-logs-`,
  targetGroup: (service: string) => fitName([prefix, service], AWS_NAME_LIMITS.targetGroup),
});
