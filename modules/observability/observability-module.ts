import { CloudwatchDashboard } from "@cdktf/provider-aws/lib/cloudwatch-dashboard";
import {
  CloudwatchMetricAlarm,
  type CloudwatchMetricAlarmConfig,
} from "@cdktf/provider-aws/lib/cloudwatch-metric-alarm";
import { Construct } from "constructs";
import { observabilityNames } from "../../lib/names/observability";
import { planAlarms, type AlarmSpec, type MetricStat } from "./alarm-plan";
import { DEFAULT_ALARM_THRESHOLDS, type AlarmThresholds } from "./alarm-thresholds";
import { AlarmTopic } from "./alarm-topic";
import { buildDashboardBody } from "./dashboard-body";
import type { ObservedDatabase, ObservedService, ObservedTable } from "./metrics";

export interface ObservabilityModuleProps {
  /** Prefix of every name, e.g. "shop-prod"; also the dashboard's name. */
  readonly name: string;
  readonly region: string;
  /** The load balancer's ARN suffix ("app/<name>/<id>"). */
  readonly loadBalancerArnSuffix: string;
  /** The ECS cluster's name. */
  readonly clusterName: string;
  /** The services: ECS service name, target group ARN suffix, fewest tasks. */
  readonly services: readonly ObservedService[];
  /** The services' RDS instances. @default none */
  readonly databases?: readonly ObservedDatabase[];
  /** The services' DynamoDB tables. @default none */
  readonly tables?: readonly ObservedTable[];
  /** Addresses the alarm topic mails. @default none (alarms notify nobody, but still roll back deployments) */
  readonly alarmEmails?: readonly string[];
  /** Thresholds to change. @default DEFAULT_ALARM_THRESHOLDS */
  readonly thresholds?: Partial<AlarmThresholds>;
}

/**
 * The environment's CloudWatch dashboard and alarms, and the encrypted SNS topic the alarms notify
 * (on alarm and on recovery). It takes names, not references, of the ECS cluster and services:
 * those services name this module's deployment alarms, so the alarms come first.
 */
export class ObservabilityModule extends Construct {
  public readonly dashboardName: string;
  public readonly alarmTopicArn: string;
  /** The key that encrypts the alarm topic. */
  public readonly alarmTopicKeyArn: string;
  /** Every alarm's name. */
  public readonly alarmNames: readonly string[];
  /**
   * Per service, the names of the alarms that roll its deployments back, as references to the
   * alarms: a service given them is created after them.
   */
  public readonly deploymentAlarmNames: Readonly<Record<string, readonly string[]>>;

  constructor(scope: Construct, id: string, props: ObservabilityModuleProps) {
    super(scope, id);
    const observed = {
      loadBalancerArnSuffix: props.loadBalancerArnSuffix,
      clusterName: props.clusterName,
      services: props.services,
      databases: props.databases ?? [],
      tables: props.tables ?? [],
    };
    const topic = new AlarmTopic(this, "alarm-topic", {
      name: observabilityNames(props.name).alarmTopic,
      region: props.region,
      emails: props.alarmEmails,
    });

    const thresholds = { ...DEFAULT_ALARM_THRESHOLDS, ...props.thresholds };
    const deploymentAlarmNames: Record<string, string[]> = {};
    const alarms = planAlarms(props.name, observed, thresholds).map((spec) => {
      const alarm = new CloudwatchMetricAlarm(this, `alarm-${spec.name}`, {
        ...alarmSource(spec),
        alarmName: spec.name,
        alarmDescription: spec.description,
        comparisonOperator: spec.comparison,
        threshold: spec.threshold,
        evaluationPeriods: spec.evaluationPeriods,
        datapointsToAlarm: spec.datapointsToAlarm,
        treatMissingData: spec.treatMissingData,
        alarmActions: [topic.topicArn],
        okActions: [topic.topicArn],
      });
      if (spec.rollsBack) (deploymentAlarmNames[spec.rollsBack] ??= []).push(alarm.alarmName);
      return alarm;
    });

    const dashboard = new CloudwatchDashboard(this, "dashboard", {
      dashboardName: observabilityNames(props.name).dashboard,
      dashboardBody: JSON.stringify(
        buildDashboardBody({
          ...observed,
          region: props.region,
          alarmArns: alarms.map((alarm) => alarm.arn),
        }),
      ),
    });

    this.dashboardName = dashboard.dashboardName;
    this.alarmTopicArn = topic.topicArn;
    this.alarmTopicKeyArn = topic.keyArn;
    this.alarmNames = alarms.map((alarm) => alarm.alarmName);
    this.deploymentAlarmNames = deploymentAlarmNames;
  }
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
function alarmSource(spec: AlarmSpec): AlarmSource {
  const { source } = spec;
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
