import { CloudwatchMetricAlarm } from "@cdktf/provider-aws/lib/cloudwatch-metric-alarm";
import { Construct } from "constructs";
import { metricAlarmConfig } from "../../lib/cloudwatch/alarm-spec";
import { observabilityNames } from "../../lib/names/observability";
import {
  DEFAULT_DEPLOYMENT_ALARM_THRESHOLDS,
  type DeploymentAlarmThresholds,
} from "./alarm-thresholds";
import { AlarmTopic } from "./alarm-topic";
import { planDeploymentAlarms, type DeployedService } from "./deployment-alarm-plan";

export interface ObservabilityModuleProps {
  /** Prefix of every name, e.g. "shop-prod". */
  readonly name: string;
  /** The region of the alarms allowed to publish to the topic. */
  readonly region: string;
  /** The load balancer's ARN suffix ("app/<name>/<id>"). */
  readonly loadBalancerArnSuffix: string;
  /** The services behind the load balancer: each gets its deployment alarms. */
  readonly services: readonly DeployedService[];
  /** Addresses the alarm topic mails; empty: alarms notify nobody, but still roll deployments back. */
  readonly alarmEmails: readonly string[];
  /** Thresholds to change. @default DEFAULT_DEPLOYMENT_ALARM_THRESHOLDS */
  readonly thresholds?: Partial<DeploymentAlarmThresholds>;
}

/**
 * The encrypted SNS topic every alarm of the environment notifies (on alarm and on recovery), the
 * load balancer's 5xx alarm, and each service's deployment alarms. These read load balancer
 * metrics only, so they come before the ECS services that roll back on them; the dashboard and the
 * alarms on running services come after (the dashboard module).
 */
export class ObservabilityModule extends Construct {
  public readonly alarmTopicArn: string;
  /** The key that encrypts the alarm topic. */
  public readonly alarmTopicKeyArn: string;
  /** The names of this module's alarms. */
  public readonly alarmNames: readonly string[];
  /** The ARNs of this module's alarms, load balancer first, then each service's (for the dashboard). */
  public readonly alarmArns: readonly string[];
  private readonly deploymentAlarms: ReadonlyMap<string, readonly string[]>;

  constructor(scope: Construct, id: string, props: ObservabilityModuleProps) {
    super(scope, id);
    const topic = new AlarmTopic(this, "alarm-topic", {
      name: observabilityNames(props.name).alarmTopic,
      region: props.region,
      emails: props.alarmEmails,
    });
    const thresholds = { ...DEFAULT_DEPLOYMENT_ALARM_THRESHOLDS, ...props.thresholds };
    const plan = planDeploymentAlarms(
      props.name,
      props.loadBalancerArnSuffix,
      props.services,
      thresholds,
    );
    const alarm = (spec: (typeof plan.loadBalancer)[number]) =>
      new CloudwatchMetricAlarm(
        this,
        `alarm-${spec.name}`,
        metricAlarmConfig(spec, topic.topicArn),
      );
    const loadBalancerAlarms = plan.loadBalancer.map(alarm);
    const serviceAlarms = plan.services.map(({ service, alarms }) => ({
      service,
      alarms: alarms.map(alarm),
    }));
    const all = [...loadBalancerAlarms, ...serviceAlarms.flatMap((s) => s.alarms)];

    this.alarmTopicArn = topic.topicArn;
    this.alarmTopicKeyArn = topic.keyArn;
    this.alarmNames = all.map((a) => a.alarmName);
    this.alarmArns = all.map((a) => a.arn);
    this.deploymentAlarms = new Map(
      serviceAlarms.map(({ service, alarms }) => [service, alarms.map((a) => a.alarmName)]),
    );
  }

  /**
   * The names of the alarms that roll a service's deployments back, as references to the alarms:
   * a service given them is created after them. Throws for a service this module was not given.
   */
  public deploymentAlarmNames(service: string): readonly string[] {
    const names = this.deploymentAlarms.get(service);
    if (!names) {
      throw new Error(
        `no deployment alarms for service "${service}"; pass it in the observability module's services`,
      );
    }
    return names;
  }
}
