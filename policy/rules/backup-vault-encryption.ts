import { defineRule } from "../rule";

/**
 * Backup vaults encrypt recovery points with a customer managed key.
 *
 * References: checkov CKV_AWS_166; trivy and cdk-nag have no vault rule.
 */
export const backupVaultEncryption = defineRule({
  id: "SEC-ENC-006",
  title: "Backup vault without a customer managed key",
  references: { checkov: ["CKV_AWS_166"], trivy: [], cdkNag: [] },
  fix: "set kms_key_arn to a customer managed key with rotation on",
  appliesTo: ["aws_backup_vault"],
  check({ attributes }) {
    return attributes.kms_key_arn ? [] : [{ problem: "has no kms_key_arn (AWS managed key)" }];
  },
});
