import { deletionProtection } from "./deletion-protection";
import { ecrCustomerKey } from "./ecr-customer-key";
import {
  loadBalancerInternetFacing,
  loadBalancerListenerTls,
  loadBalancerTargetTls,
} from "./load-balancer-tls";
import { logRetentionYear } from "./log-retention-year";
import { rdsDefaultPort, rdsEnhancedMonitoring, rdsMultiAz } from "./rds-resilience";
import { s3EventNotifications } from "./s3-event-notifications";
import { s3Replication } from "./s3-replication";
import { snsTopics } from "./sns-topics";
import { backupVaultEncryption } from "./backup-vault-encryption";
import { dynamodbEncryption } from "./dynamodb-encryption";
import { ecrImmutableTags } from "./ecr-immutable-tags";
import { ecrScanOnPush } from "./ecr-scan-on-push";
import { efsEncryption } from "./efs-encryption";
import { efsTransitEncryption } from "./efs-transit-encryption";
import { iamManagedPolicies } from "./iam-managed-policies";
import { iamWildcardActions } from "./iam-wildcard-actions";
import { iamWildcardResources } from "./iam-wildcard-resources";
import { kmsKeyPolicy } from "./kms-key-policy";
import { kmsRotation } from "./kms-rotation";
import { logEncryption } from "./log-encryption";
import { logRetention } from "./log-retention";
import { networkAclIngress } from "./network-acl-ingress";
import { networkPublicIngress } from "./network-public-ingress";
import { rdsEncryption } from "./rds-encryption";
import { s3AccessLogging } from "./s3-access-logging";
import { s3Encryption } from "./s3-encryption";
import { s3PublicAccess } from "./s3-public-access";
import { s3TlsOnly } from "./s3-tls-only";
import { taskPlaintextSecrets } from "./task-plaintext-secrets";

/** Every rule of the security policy, in the order the README lists them. */
export const RULES = [
  networkPublicIngress,
  networkAclIngress,
  rdsEncryption,
  dynamodbEncryption,
  s3Encryption,
  efsEncryption,
  efsTransitEncryption,
  backupVaultEncryption,
  kmsRotation,
  kmsKeyPolicy,
  s3PublicAccess,
  s3TlsOnly,
  s3AccessLogging,
  s3Replication,
  s3EventNotifications,
  iamWildcardActions,
  iamWildcardResources,
  iamManagedPolicies,
  logRetention,
  logEncryption,
  logRetentionYear,
  ecrScanOnPush,
  ecrImmutableTags,
  ecrCustomerKey,
  snsTopics,
  deletionProtection,
  rdsMultiAz,
  rdsEnhancedMonitoring,
  rdsDefaultPort,
  loadBalancerListenerTls,
  loadBalancerInternetFacing,
  loadBalancerTargetTls,
  taskPlaintextSecrets,
] as const;

/** The id of a rule of the policy: what a suppression names. */
export type RuleId = (typeof RULES)[number]["id"];
