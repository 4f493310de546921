import { blocksOf } from "../inventory";
import { defineRule } from "../rule";

/**
 * Repositories encrypt images with a customer managed key.
 *
 * References: trivy AVD-AWS-0033 (aws-ecr-repository-customer-key); checkov CKV_AWS_136 asks for
 * KMS only; cdk-nag has no rule.
 */
export const ecrCustomerKey = defineRule({
  id: "SEC-ECR-003",
  title: "ECR repository without a customer managed key",
  references: { checkov: ["CKV_AWS_136"], trivy: ["AVD-AWS-0033"], cdkNag: [] },
  fix: 'set encryption_configuration { encryption_type = "KMS", kms_key = <a customer managed key> } (only when the repository is created)',
  appliesTo: ["aws_ecr_repository"],
  check({ attributes }) {
    const [encryption] = blocksOf(attributes.encryption_configuration);
    if (encryption?.encryption_type !== "KMS")
      return [{ problem: "encrypts images with AES256, not KMS" }];
    return encryption.kms_key ? [] : [{ problem: "encrypts images with ECR's AWS managed key" }];
  },
});
