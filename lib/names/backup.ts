import { AWS_NAME_LIMITS, fitName } from "../aws-names";
import { kmsAliasName } from "./kms-alias";

/** The names the backup module gives its resources; `prefix` is e.g. "shop-prod". */
export const backupNames = (prefix: string) => {
  const backup = `${prefix}-backup`;
  return {
    /** The vault, and its copy in another region. */
    vault: backup,
    /** Each vault's key is named after it. */
    vaultKeyAlias: kmsAliasName(backup),
    role: fitName([backup], AWS_NAME_LIMITS.iamRole),
    plan: `${prefix}-daily`,
  };
};
