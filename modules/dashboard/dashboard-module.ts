import { CloudwatchDashboard } from "@cdktf/provider-aws/lib/cloudwatch-dashboard";
import { CloudwatchMetricAlarm } from "@cdktf/provider-aws/lib/cloudwatch-metric-alarm";
import { Construct } from "constructs";
import { metricAlarmConfig } from "../../lib/cloudwatch/alarm-spec";
import { observabilityNames } from "../../lib/names/observability";
import { DEFAULT_SERVICE_ALARM_THRESHOLDS, type ServiceAlarmThresholds } from "./alarm-thresholds";
import { buildDashboardBody } from "./dashboard-body";
import type { ObservedDatabase, ObservedService, ObservedTable } from "./observed-resources";
import { planServiceAlarms } from "./service-alarm-plan";

export interface DashboardModuleProps {
  /** Prefix of every name, e.g. "shop-prod"; also the dashboard's name. */
  readonly name: string;
  /** The dashboard's region. */
  readonly region: string;
  /** The topic the alarms notify when they fire and when they recover. */
  readonly alarmTopicArn: string;
  /** The load balancer's ARN suffix ("app/<name>/<id>"). */
  readonly loadBalancerArnSuffix: string;
  /** The ECS cluster's name (the ECS module's output). */
  readonly clusterName: string;
  /** The services: ECS service name (the ECS module's output), target group ARN suffix, fewest tasks. */
  readonly services: readonly ObservedService[];
  /** The services' RDS instances. @default none */
  readonly databases?: readonly ObservedDatabase[];
  /** The services' DynamoDB tables. @default none */
  readonly tables?: readonly ObservedTable[];
  /** Alarms made elsewhere (the deployment alarms) whose state leads the dashboard's alarm row. @default none */
  readonly otherAlarmArns?: readonly string[];
  /** Thresholds to change. @default DEFAULT_SERVICE_ALARM_THRESHOLDS */
  readonly thresholds?: Partial<ServiceAlarmThresholds>;
}

/**
 * The environment's CloudWatch dashboard, and the alarms on running services (healthy hosts, CPU,
 * memory, tasks) and data stores (database CPU and storage, table throttling). Built after the
 * ECS module, from its cluster and service names: nothing here gates a deployment.
 */
export class DashboardModule extends Construct {
  public readonly dashboardName: string;
  /** The names of this module's alarms. */
  public readonly alarmNames: readonly string[];

  constructor(scope: Construct, id: string, props: DashboardModuleProps) {
    super(scope, id);
    const names = observabilityNames(props.name);
    const observed = {
      loadBalancerArnSuffix: props.loadBalancerArnSuffix,
      clusterName: props.clusterName,
      services: props.services,
      databases: props.databases ?? [],
      tables: props.tables ?? [],
    };
    const thresholds = { ...DEFAULT_SERVICE_ALARM_THRESHOLDS, ...props.thresholds };
    const alarms = planServiceAlarms(props.name, observed, thresholds).map(
      (spec) =>
        new CloudwatchMetricAlarm(
          this,
          `alarm-${spec.name}`,
          metricAlarmConfig(spec, props.alarmTopicArn),
        ),
    );

    const dashboard = new CloudwatchDashboard(this, "dashboard", {
      dashboardName: names.dashboard,
      dashboardBody: JSON.stringify(
        buildDashboardBody({
          ...observed,
          region: props.region,
          alarmArns: [...(props.otherAlarmArns ?? []), ...alarms.map((alarm) => alarm.arn)],
        }),
      ),
    });

    this.dashboardName = dashboard.dashboardName;
    this.alarmNames = alarms.map((alarm) => alarm.alarmName);
  }
}
