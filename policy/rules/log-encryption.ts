import { defineRule } from "../rule";

/**
 * Every log group is encrypted with the environment's logs key, which the stack controls and
 * rotates (CloudWatch Logs otherwise uses a key of its own that no one can audit).
 *
 * References: checkov CKV_AWS_158; trivy AVD-AWS-0017 (aws-cloudwatch-log-group-customer-key);
 * cdk-nag CloudWatchLogGroupEncrypted (NIST/HIPAA packs).
 */
export const logEncryption = defineRule({
  id: "SEC-LOG-002",
  title: "Log group not encrypted with KMS",
  references: {
    checkov: ["CKV_AWS_158"],
    trivy: ["AVD-AWS-0017"],
    cdkNag: ["CloudWatchLogGroupEncrypted"],
  },
  fix: "set kms_key_id to the environment's logs key (the logsKmsKeyArn module input)",
  appliesTo: ["aws_cloudwatch_log_group"],
  check({ attributes }) {
    return attributes.kms_key_id ? [] : [{ problem: "kms_key_id is not set" }];
  },
});
