import { AWS_NAME_LIMITS, fitName } from "../aws-names";

/** The alias of a key named after what it encrypts: "alias/<name>", fitted to AWS's limit. */
export const kmsAliasName = (name: string): string =>
  fitName([`alias/${name}`], AWS_NAME_LIMITS.kmsAlias);
