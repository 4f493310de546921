import { blocks } from "../synthesized/stack-resources";
import { priced, type Pricer } from "./line-item";

/** A month is 30.4 days on average (365 / 12). */
const DAYS_PER_MONTH = 365 / 12;
/** Log groups without a retention keep their logs: the estimate counts a year of them. */
const UNLIMITED_RETENTION_DAYS = 365;

/**
 * Log groups: ingestion (a service's own log group gets `serviceLogGb`, any other `otherLogGb`),
 * and storage of what the retention keeps at steady state.
 */
export const logGroupPricer: Pricer = {
  types: ["aws_cloudwatch_log_group"],
  price(context, logGroup) {
    const ofService = context.index
      .ofType("aws_ecs_task_definition")
      .some((td) => context.index.referencedBy(td.body.container_definitions).includes(logGroup));
    const gb = ofService ? context.usage.serviceLogGb : context.usage.otherLogGb;
    const days = Number(logGroup.body.retention_in_days ?? 0) || UNLIMITED_RETENTION_DAYS;
    return [
      priced(
        context,
        logGroup,
        ofService ? "service logs ingested" : "logs ingested",
        gb,
        "cloudwatch.logs-ingest-gb",
      ),
      priced(
        context,
        logGroup,
        `logs kept ${days} days`,
        (gb * days) / DAYS_PER_MONTH,
        "cloudwatch.logs-storage-gb-month",
      ),
    ];
  },
};

/** Alarms: one charge per metric an alarm watches (metric math alarms watch several). */
export const alarmPricer: Pricer = {
  types: ["aws_cloudwatch_metric_alarm"],
  price(context, alarm) {
    const queries = blocks(alarm.body.metric_query).filter((q) => q.metric !== undefined).length;
    return [priced(context, alarm, "alarm", Math.max(1, queries), "cloudwatch.alarm-metric-month")];
  },
};

export const dashboardPricer: Pricer = {
  types: ["aws_cloudwatch_dashboard"],
  price: (context, dashboard) => [
    priced(context, dashboard, "dashboard", 1, "cloudwatch.dashboard-month"),
  ],
};

/** Customer managed keys; rotation adds a key-month per rotation, from the second year on. */
export const kmsKeyPricer: Pricer = {
  types: ["aws_kms_key"],
  price: (context, key) => [
    priced(context, key, "customer managed key (first year)", 1, "kms.key-month"),
  ],
};
