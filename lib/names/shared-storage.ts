import { AWS_NAME_LIMITS, fitName } from "../aws-names";
import { kmsAliasName } from "./kms-alias";

/** The names the shared storage module gives its resources; `prefix` is e.g. "shop-prod". */
export const sharedStorageNames = (prefix: string) => ({
  keyAlias: kmsAliasName(`${prefix}-efs`),
  securityGroup: fitName([prefix, "efs"], AWS_NAME_LIMITS.securityGroup),
});
