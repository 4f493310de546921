import { displayName, type DiagramBuilder } from "./diagram-builder";

const OBSERVABILITY_ID = "cloudwatch";

function count(n: number, singular: string, plural = `${singular}s`): string {
  return n === 0 ? "" : `${n} ${n === 1 ? singular : plural}`;
}

/**
 * Monitoring and keys, summarized: one CloudWatch node (dashboards, alarms, log groups, flow
 * logs), the topics alarms notify, and one node for the customer managed KMS keys.
 */
export function addOperations(builder: DiagramBuilder): void {
  const { index } = builder;
  const alarms = index.ofType("aws_cloudwatch_metric_alarm");
  const details = [
    count(index.ofType("aws_cloudwatch_dashboard").length, "dashboard"),
    count(alarms.length, "alarm"),
    count(index.ofType("aws_cloudwatch_log_group").length, "log group"),
    count(index.ofType("aws_flow_log").length, "VPC flow log"),
  ].filter(Boolean);
  const anchor = index.ofType("aws_cloudwatch_log_group")[0] ?? alarms[0];
  if (anchor && details.length > 0) {
    builder.addNode(builder.regionOf(anchor), OBSERVABILITY_ID, "operations", [
      "CloudWatch",
      ...details,
    ]);
  }
  for (const topic of index.ofType("aws_sns_topic")) {
    const notified = alarms.some((a) =>
      index.referencedBy([a.body.alarm_actions, a.body.ok_actions]).includes(topic),
    );
    if (!notified) continue;
    const subscriptions = index.referencing(topic, "aws_sns_topic_subscription");
    const protocols = [...new Set(subscriptions.map((s) => String(s.body.protocol)))].sort();
    builder.addNode(builder.regionOf(topic), topic, "operations", [
      "SNS topic",
      displayName(topic),
      subscriptions.length > 0
        ? `${subscriptions.length} ${protocols.join("/")} subscription(s)`
        : "",
    ]);
    builder.addEdge(OBSERVABILITY_ID, builder.nodeId(topic), "alarms");
  }
  const keys = index.ofType("aws_kms_key");
  if (keys.length > 0) {
    const rotated = keys.filter((k) => k.body.enable_key_rotation === true).length;
    const byRegion = new Map<string, number>();
    for (const key of keys) {
      const group = builder.regionOf(key);
      byRegion.set(group.id, (byRegion.get(group.id) ?? 0) + 1);
    }
    for (const key of keys) {
      const group = builder.regionOf(key);
      if (group.nodes.some((n) => n.id === `kms_${group.id}`)) continue;
      builder.addNode(group, `kms_${group.id}`, "security", [
        "KMS",
        count(byRegion.get(group.id) ?? 0, "customer managed key"),
        rotated === keys.length ? "rotation on" : "",
      ]);
    }
  }
}
