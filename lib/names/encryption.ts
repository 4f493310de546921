import { kmsAliasName } from "./kms-alias";

/** The names the encryption module gives its keys; `prefix` is e.g. "shop-prod". */
export const encryptionNames = (prefix: string) => ({
  /** The key every log group of the environment is encrypted with. */
  logsKeyAlias: kmsAliasName(`${prefix}-logs`),
});
