import type { CloudwatchMetricAlarmConfig } from "@cdktf/provider-aws/lib/cloudwatch-metric-alarm";
import type { Metric } from "./metrics";

/** One metric read at one statistic over one period. */
export interface MetricStat {
  readonly metric: Metric;
  /** "Sum", "Average", "Minimum", "Maximum", or a percentile such as "p99". */
  readonly stat: string;
  readonly periodSeconds: number;
}

/** A metric math expression over named metrics (ids start with a lowercase letter). */
export interface MetricExpression {
  readonly expression: string;
  readonly label: string;
  readonly periodSeconds: number;
  readonly inputs: Readonly<Record<string, MetricStat>>;
}

export type TreatMissingData = "breaching" | "notBreaching" | "ignore" | "missing";

/** An alarm, before it becomes a resource: what it watches, when it fires, what missing data means. */
export interface AlarmSpec {
  readonly name: string;
  readonly description: string;
  readonly source: MetricStat | MetricExpression;
  readonly comparison:
    "GreaterThanOrEqualToThreshold" | "GreaterThanThreshold" | "LessThanThreshold";
  readonly threshold: number;
  /** The alarm fires when `datapointsToAlarm` of the last `evaluationPeriods` periods breach. */
  readonly evaluationPeriods: number;
  readonly datapointsToAlarm: number;
  readonly treatMissingData: TreatMissingData;
}

type AlarmSource = Pick<
  CloudwatchMetricAlarmConfig,
  | "namespace"
  | "metricName"
  | "dimensions"
  | "statistic"
  | "extendedStatistic"
  | "period"
  | "metricQuery"
>;

const PERCENTILE = /^p\d+(\.\d+)?$/;

/** A single metric's fields, or, for an expression, its metric queries (only the expression returns data). */
function alarmSource({ source }: AlarmSpec): AlarmSource {
  if ("metric" in source) {
    return {
      namespace: source.metric.namespace,
      metricName: source.metric.metricName,
      dimensions: { ...source.metric.dimensions },
      period: source.periodSeconds,
      ...(PERCENTILE.test(source.stat)
        ? { extendedStatistic: source.stat }
        : { statistic: source.stat }),
    };
  }
  const input = ([id, stat]: [string, MetricStat]) => ({
    id,
    returnData: false,
    metric: {
      namespace: stat.metric.namespace,
      metricName: stat.metric.metricName,
      dimensions: { ...stat.metric.dimensions },
      period: stat.periodSeconds,
      stat: stat.stat,
    },
  });
  return {
    metricQuery: [
      { id: "result", expression: source.expression, label: source.label, returnData: true },
      ...Object.entries(source.inputs).map(input),
    ],
  };
}

/** The CloudWatch alarm of a spec, notifying the topic when it fires and when it recovers. */
export function metricAlarmConfig(spec: AlarmSpec, topicArn: string): CloudwatchMetricAlarmConfig {
  return {
    ...alarmSource(spec),
    alarmName: spec.name,
    alarmDescription: spec.description,
    comparisonOperator: spec.comparison,
    threshold: spec.threshold,
    evaluationPeriods: spec.evaluationPeriods,
    datapointsToAlarm: spec.datapointsToAlarm,
    treatMissingData: spec.treatMissingData,
    alarmActions: [topicArn],
    okActions: [topicArn],
  };
}
