import { observabilityNames } from "../../lib/names/observability";
import type { AlarmThresholds } from "./alarm-thresholds";
import {
  containerInsightsMetric,
  databaseMetric,
  ecsServiceMetric,
  loadBalancerMetric,
  tableMetric,
  targetGroupMetric,
  type Metric,
  type ObservedResources,
} from "./metrics";

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
  /** The service whose deployments this alarm rolls back, when it is a deployment alarm. */
  readonly rollsBack?: string;
}

const MINUTE = 60;
const FIVE_MINUTES = 300;
const GIB = 1024 ** 3;

export function alarmName(prefix: string, ...parts: string[]): string {
  return observabilityNames(prefix).alarm(...parts);
}

/**
 * The alarms of an environment. Missing data is chosen per alarm: where a metric is published only
 * when non-zero (error counts, throttles) or only while there is traffic (latency), missing means
 * fine (notBreaching); where a metric is published every minute while things are alive (healthy
 * hosts), missing means nothing is alive to report (breaching).
 *
 * A service's 5xx share and p99 latency are its deployment alarms: a new revision that makes them
 * fire is rolled back. CPU, memory and task counts are not, since load rather than a revision
 * usually moves them and autoscaling answers that.
 */
export function planAlarms(
  prefix: string,
  observed: ObservedResources,
  thresholds: AlarmThresholds,
): AlarmSpec[] {
  const lb = observed.loadBalancerArnSuffix;
  const alarms: AlarmSpec[] = [
    {
      name: alarmName(prefix, "alb", "5xx"),
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
  ];

  for (const service of observed.services) {
    const cluster = observed.clusterName;
    const ecsName = service.ecsServiceName;
    const tg = service.targetGroupArnSuffix;
    if (tg) {
      const minimum = thresholds.target5xxMinimumRequestsPerMinute;
      alarms.push(
        {
          name: alarmName(prefix, service.name, "5xx-rate"),
          description: `${service.name} answered ${thresholds.target5xxPercent}%+ of its requests with 5xx (at ${minimum}+ requests a minute) in 3 of 5 minutes; rolls its deployment back`,
          source: {
            expression: `IF(requests >= ${minimum}, 100 * FILL(errors, 0) / requests, 0)`,
            label: `${service.name} 5xx (% of requests)`,
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
          rollsBack: service.name,
        },
        {
          name: alarmName(prefix, service.name, "p99-latency"),
          description: `${service.name}'s 99th percentile response time reached ${thresholds.p99LatencySeconds} s in 3 of 5 minutes; rolls its deployment back`,
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
          rollsBack: service.name,
        },
      );
      if (service.minimumTasks > 0) {
        alarms.push({
          name: alarmName(prefix, service.name, "no-healthy-hosts"),
          description: `${service.name} had no healthy target behind the load balancer for 2 minutes (or its target group stopped reporting)`,
          source: {
            metric: targetGroupMetric(lb, tg, "HealthyHostCount"),
            stat: "Minimum",
            periodSeconds: MINUTE,
          },
          comparison: "LessThanThreshold",
          threshold: 1,
          evaluationPeriods: 2,
          datapointsToAlarm: 2,
          treatMissingData: "breaching",
        });
      }
    }
    alarms.push(
      {
        name: alarmName(prefix, service.name, "cpu-high"),
        description: `${service.name}'s average CPU stayed at ${thresholds.serviceCpuPercent}%+ for 5 minutes: autoscaling is at its maximum or too slow`,
        source: {
          metric: ecsServiceMetric(cluster, ecsName, "CPUUtilization"),
          stat: "Average",
          periodSeconds: MINUTE,
        },
        comparison: "GreaterThanOrEqualToThreshold",
        threshold: thresholds.serviceCpuPercent,
        evaluationPeriods: 5,
        datapointsToAlarm: 5,
        treatMissingData: "notBreaching",
      },
      {
        name: alarmName(prefix, service.name, "memory-high"),
        description: `${service.name}'s average memory stayed at ${thresholds.serviceMemoryPercent}%+ for 5 minutes: tasks are close to being killed for memory`,
        source: {
          metric: ecsServiceMetric(cluster, ecsName, "MemoryUtilization"),
          stat: "Average",
          periodSeconds: MINUTE,
        },
        comparison: "GreaterThanOrEqualToThreshold",
        threshold: thresholds.serviceMemoryPercent,
        evaluationPeriods: 5,
        datapointsToAlarm: 5,
        treatMissingData: "notBreaching",
      },
      {
        name: alarmName(prefix, service.name, "tasks-below-desired"),
        description: `${service.name} ran fewer tasks than desired for 10 minutes (tasks failing to start, or no Spot capacity)`,
        source: {
          expression: "desired - FILL(running, 0)",
          label: `${service.name} tasks missing`,
          periodSeconds: MINUTE,
          inputs: {
            desired: {
              metric: containerInsightsMetric(cluster, ecsName, "DesiredTaskCount"),
              stat: "Average",
              periodSeconds: MINUTE,
            },
            running: {
              metric: containerInsightsMetric(cluster, ecsName, "RunningTaskCount"),
              stat: "Average",
              periodSeconds: MINUTE,
            },
          },
        },
        comparison: "GreaterThanOrEqualToThreshold",
        threshold: 1,
        evaluationPeriods: 10,
        datapointsToAlarm: 10,
        treatMissingData: "notBreaching",
      },
    );
  }

  for (const database of observed.databases) {
    const freeBytes = Math.round(
      (database.allocatedStorageGb * GIB * thresholds.databaseFreeStoragePercent) / 100,
    );
    alarms.push(
      {
        name: alarmName(prefix, database.service, "db-cpu-high"),
        description: `The database of ${database.service} stayed at ${thresholds.databaseCpuPercent}%+ CPU for 15 minutes`,
        source: {
          metric: databaseMetric(database.identifier, "CPUUtilization"),
          stat: "Average",
          periodSeconds: FIVE_MINUTES,
        },
        comparison: "GreaterThanOrEqualToThreshold",
        threshold: thresholds.databaseCpuPercent,
        evaluationPeriods: 3,
        datapointsToAlarm: 3,
        treatMissingData: "notBreaching",
      },
      {
        name: alarmName(prefix, database.service, "db-free-storage-low"),
        description: `The database of ${database.service} had less than ${thresholds.databaseFreeStoragePercent}% of its ${database.allocatedStorageGb} GiB free for 10 minutes (storage autoscaling grows it at most every 6 hours, and never past its ceiling)`,
        source: {
          metric: databaseMetric(database.identifier, "FreeStorageSpace"),
          stat: "Minimum",
          periodSeconds: FIVE_MINUTES,
        },
        comparison: "LessThanThreshold",
        threshold: freeBytes,
        evaluationPeriods: 2,
        datapointsToAlarm: 2,
        treatMissingData: "notBreaching",
      },
    );
  }

  for (const table of observed.tables) {
    for (const [kind, metricName] of [
      ["read", "ReadThrottleEvents"],
      ["write", "WriteThrottleEvents"],
    ] as const) {
      alarms.push({
        name: alarmName(prefix, table.service, "table", `${kind}-throttles`),
        description: `The table of ${table.service} throttled ${thresholds.tableThrottleEventsPer5Minutes}+ ${kind}s in 2 of 3 five-minute periods`,
        source: {
          metric: tableMetric(table.tableName, metricName),
          stat: "Sum",
          periodSeconds: FIVE_MINUTES,
        },
        comparison: "GreaterThanOrEqualToThreshold",
        threshold: thresholds.tableThrottleEventsPer5Minutes,
        evaluationPeriods: 3,
        datapointsToAlarm: 2,
        treatMissingData: "notBreaching",
      });
    }
  }
  return alarms;
}
