export {
  HardenedBucket,
  type BucketAccessLogs,
  type BucketEncryption,
  type HardenedBucketProps,
} from "./hardened-bucket";
export {
  accountThroughIamStatement,
  KEY_ADMINISTRATION_ACTIONS,
  KEY_USE_ACTIONS,
  keyAdministrationStatement,
  useThroughServicesStatement,
  type KeyLocation,
} from "./key-policy-statements";
export { ManagedKey, type ManagedKeyProps } from "./managed-key";
export { tlsOnlyStatements } from "./s3-tls-only";
export { assumeRoleStatement, serviceTrustStatement, type ServiceTrust } from "./service-trust";
export { declareMoved, formerAddress, movedFrom } from "./moved";
