import type { AlarmSpec } from "../../lib/cloudwatch/alarm-spec";
import { loadBalancerMetric, targetGroupMetric } from "../../lib/cloudwatch/metrics";
import { observabilityNames } from "../../lib/names/observability";
import type { DeploymentAlarmThresholds } from "./alarm-thresholds";

const MINUTE = 60;

/** A service behind the load balancer, as its deployment alarms watch it. */
export interface DeployedService {
  /** The service's name in the project (labels and alarm names). */
  readonly name: string;
  /** Its target group's ARN suffix ("targetgroup/<name>/<id>"). */
  readonly targetGroupArnSuffix: string;
}

/** The alarms that need nothing of ECS: the load balancer's, and each service's deployment alarms. */
export interface DeploymentAlarmPlan {
  readonly loadBalancer: readonly AlarmSpec[];
  /** Per service, in the order given: the alarms that roll its deployments back. */
  readonly services: readonly { readonly service: string; readonly alarms: readonly AlarmSpec[] }[];
}

/**
 * The load balancer's own 5xx, and each service's 5xx share and p99 latency: its deployment
 * alarms, so a new revision that makes them fire is rolled back. They read load balancer metrics
 * only, so they exist before the services that name them. Missing data means fine: these metrics
 * are published only when non-zero (errors) or only while there is traffic (latency).
 */
export function planDeploymentAlarms(
  prefix: string,
  loadBalancerArnSuffix: string,
  services: readonly DeployedService[],
  thresholds: DeploymentAlarmThresholds,
): DeploymentAlarmPlan {
  const names = observabilityNames(prefix);
  const lb = loadBalancerArnSuffix;
  const minimum = thresholds.target5xxMinimumRequestsPerMinute;
  return {
    loadBalancer: [
      {
        name: names.alarm("alb", "5xx"),
        description: `The load balancer of ${prefix} answered ${thresholds.loadBalancer5xxPerMinute}+ requests a minute with its own 5xx (no healthy target, timeouts) in 3 of 5 minutes`,
        source: {
          metric: loadBalancerMetric(lb, "HTTPCode_ELB_5XX_Count"),
          stat: "Sum",
          periodSeconds: MINUTE,
        },
        comparison: "GreaterThanOrEqualToThreshold",
        threshold: thresholds.loadBalancer5xxPerMinute,
        evaluationPeriods: 5,
        datapointsToAlarm: 3,
        treatMissingData: "notBreaching",
      },
    ],
    services: services.map(({ name, targetGroupArnSuffix: tg }) => ({
      service: name,
      alarms: [
        {
          name: names.alarm(name, "5xx-rate"),
          description: `${name} answered ${thresholds.target5xxPercent}%+ of its requests with 5xx (at ${minimum}+ requests a minute) in 3 of 5 minutes; rolls its deployment back`,
          source: {
            expression: `IF(requests >= ${minimum}, 100 * FILL(errors, 0) / requests, 0)`,
            label: `${name} 5xx (% of requests)`,
            periodSeconds: MINUTE,
            inputs: {
              requests: {
                metric: targetGroupMetric(lb, tg, "RequestCount"),
                stat: "Sum",
                periodSeconds: MINUTE,
              },
              errors: {
                metric: targetGroupMetric(lb, tg, "HTTPCode_Target_5XX_Count"),
                stat: "Sum",
                periodSeconds: MINUTE,
              },
            },
          },
          comparison: "GreaterThanOrEqualToThreshold",
          threshold: thresholds.target5xxPercent,
          evaluationPeriods: 5,
          datapointsToAlarm: 3,
          treatMissingData: "notBreaching",
        },
        {
          name: names.alarm(name, "p99-latency"),
          description: `${name}'s 99th percentile response time reached ${thresholds.p99LatencySeconds} s in 3 of 5 minutes; rolls its deployment back`,
          source: {
            metric: targetGroupMetric(lb, tg, "TargetResponseTime"),
            stat: "p99",
            periodSeconds: MINUTE,
          },
          comparison: "GreaterThanOrEqualToThreshold",
          threshold: thresholds.p99LatencySeconds,
          evaluationPeriods: 5,
          datapointsToAlarm: 3,
          treatMissingData: "notBreaching",
        },
      ],
    })),
  };
}
