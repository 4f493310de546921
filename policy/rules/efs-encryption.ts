import { defineRule, type Finding } from "../rule";

/**
 * EFS file systems are encrypted at rest with a customer managed key.
 *
 * References: checkov CKV_AWS_42, CKV_AWS_184 (customer managed key); trivy AVD-AWS-0037
 * (aws-efs-enable-at-rest-encryption); cdk-nag AwsSolutions-EFS1.
 */
export const efsEncryption = defineRule({
  id: "SEC-ENC-004",
  title: "EFS file system not encrypted",
  references: {
    checkov: ["CKV_AWS_42", "CKV_AWS_184"],
    trivy: ["AVD-AWS-0037"],
    cdkNag: ["AwsSolutions-EFS1"],
  },
  fix: "set encrypted = true and kms_key_id to a customer managed key (encryption cannot be turned on later)",
  appliesTo: ["aws_efs_file_system"],
  check({ attributes: a }) {
    const findings: Finding[] = [];
    if (a.encrypted !== true) findings.push({ problem: "encrypted is not true" });
    else if (!a.kms_key_id) findings.push({ problem: "has no kms_key_id (AWS managed key)" });
    return findings;
  },
});
