import { defineRule, type Finding } from "../rule";

/**
 * RDS storage is encrypted at rest, and so is Performance Insights data when it is on.
 *
 * References: checkov CKV_AWS_16 (instance), CKV_AWS_96 (Aurora), CKV_AWS_354 (Performance
 * Insights); trivy AVD-AWS-0080 (aws-rds-encrypt-instance-storage-data), AVD-AWS-0079 (cluster),
 * AVD-AWS-0078 (Performance Insights); cdk-nag AwsSolutions-RDS2.
 */
export const rdsEncryption = defineRule({
  id: "SEC-ENC-001",
  title: "RDS storage not encrypted",
  references: {
    checkov: ["CKV_AWS_16", "CKV_AWS_96", "CKV_AWS_354"],
    trivy: ["AVD-AWS-0080", "AVD-AWS-0079", "AVD-AWS-0078"],
    cdkNag: ["AwsSolutions-RDS2"],
  },
  fix: "set storage_encrypted = true with kms_key_id (and performance_insights_kms_key_id when Performance Insights is on)",
  appliesTo: ["aws_db_instance", "aws_rds_cluster"],
  check({ attributes: a }) {
    const findings: Finding[] = [];
    if (a.storage_encrypted !== true) findings.push({ problem: "storage_encrypted is not true" });
    if (a.performance_insights_enabled === true && !a.performance_insights_kms_key_id) {
      findings.push({
        problem: "Performance Insights is on without performance_insights_kms_key_id",
      });
    }
    return findings;
  },
});
