import { kmsAliasName } from "./kms-alias";

/** The names the static objects module gives its resources; `prefix` is e.g. "shop-prod". */
export const staticObjectsNames = (prefix: string) => ({
  /** S3 appends a unique suffix: bucket names are global. */
  bucketPrefix: `${prefix}-static-`,
  keyAlias: kmsAliasName(`${prefix}-static`),
});
