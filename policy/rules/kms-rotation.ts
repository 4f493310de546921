import { defineRule } from "../rule";

/**
 * Customer managed symmetric keys rotate their key material yearly (asymmetric and HMAC keys cannot).
 *
 * References: checkov CKV_AWS_7; trivy AVD-AWS-0065 (aws-kms-auto-rotate-keys); cdk-nag AwsSolutions-KMS5.
 */
export const kmsRotation = defineRule({
  id: "SEC-KMS-001",
  title: "KMS key without rotation",
  references: { checkov: ["CKV_AWS_7"], trivy: ["AVD-AWS-0065"], cdkNag: ["AwsSolutions-KMS5"] },
  fix: "set enable_key_rotation = true",
  appliesTo: ["aws_kms_key"],
  check({ attributes: a }) {
    const spec = a.customer_master_key_spec ?? "SYMMETRIC_DEFAULT";
    if (spec !== "SYMMETRIC_DEFAULT" || a.enable_key_rotation === true) return [];
    return [{ problem: "enable_key_rotation is not true" }];
  },
});
