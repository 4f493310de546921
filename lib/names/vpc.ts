import { AWS_NAME_LIMITS, fitName } from "../aws-names";

/** The names the VPC module gives its resources; `prefix` is e.g. "shop-prod". */
export const vpcNames = (prefix: string) => ({
  flowLogGroup: `/aws/vpc/flow-logs/${prefix}`,
  flowLogRole: fitName([prefix, "vpc-flow-logs"], AWS_NAME_LIMITS.iamRole),
  /** The interface endpoints' security group, when there are endpoints. */
  endpointsSecurityGroup: `${prefix}-endpoints`,
});
