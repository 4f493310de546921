import { defineRule } from "../rule";

/**
 * Every log group expires its events: retention is set (0 or unset means forever).
 *
 * References: checkov CKV_AWS_66 (CKV_AWS_338 asks a year; the environment's logRetentionDays
 * decides); trivy has no retention rule; cdk-nag CloudWatchLogGroupRetentionPeriod (NIST/HIPAA packs).
 */
export const logRetention = defineRule({
  id: "SEC-LOG-001",
  title: "Log group without retention",
  references: {
    checkov: ["CKV_AWS_66"],
    trivy: [],
    cdkNag: ["CloudWatchLogGroupRetentionPeriod"],
  },
  fix: "set retention_in_days to the environment's logRetentionDays",
  appliesTo: ["aws_cloudwatch_log_group"],
  check({ attributes }) {
    const days = Number(attributes.retention_in_days ?? 0);
    return days > 0
      ? []
      : [{ problem: "retention_in_days is not set, so events are kept forever" }];
  },
});
