import { defineRule } from "../rule";

const A_YEAR = 365;

/**
 * Log groups keep their events at least a year (an incident is often found months later).
 * Environments that keep them less suppress it with the reason, where the retention is chosen.
 *
 * References: checkov CKV_AWS_338; trivy and cdk-nag have no rule (cdk-nag's
 * CloudWatchLogGroupRetentionPeriod only asks for a retention, SEC-LOG-001).
 */
export const logRetentionYear = defineRule({
  id: "SEC-LOG-003",
  title: "Log group kept less than a year",
  references: { checkov: ["CKV_AWS_338"], trivy: [], cdkNag: [] },
  fix: "set retention_in_days to 365 or more (the environment's logRetentionDays)",
  appliesTo: ["aws_cloudwatch_log_group"],
  check({ attributes }) {
    const days = attributes.retention_in_days;
    // No retention at all is SEC-LOG-001's finding (kept forever); 0 also means forever.
    if (typeof days !== "number" || days === 0 || days >= A_YEAR) return [];
    return [{ problem: `keeps events ${days} days, less than a year` }];
  },
});
