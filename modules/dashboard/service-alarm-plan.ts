import type { AlarmSpec } from "../../lib/cloudwatch/alarm-spec";
import {
  containerInsightsMetric,
  databaseMetric,
  ecsServiceMetric,
  tableMetric,
  targetGroupMetric,
} from "../../lib/cloudwatch/metrics";
import { observabilityNames } from "../../lib/names/observability";
import type { ServiceAlarmThresholds } from "./alarm-thresholds";
import type { ObservedResources } from "./observed-resources";

const MINUTE = 60;
const FIVE_MINUTES = 300;
const GIB = 1024 ** 3;

/**
 * The alarms on what runs behind the load balancer: each service's healthy hosts, CPU, memory and
 * task count, each database's CPU and free storage, each table's throttling. Missing data is
 * chosen per alarm: where a metric is published only when non-zero (throttles), missing means
 * fine (notBreaching); where a metric is published every minute while things are alive (healthy
 * hosts), missing means nothing is alive to report (breaching).
 *
 * None of them rolls a deployment back (the deployment alarms do, in the observability module):
 * load rather than a revision usually moves CPU, memory and task counts, and autoscaling answers
 * that.
 */
export function planServiceAlarms(
  prefix: string,
  observed: ObservedResources,
  thresholds: ServiceAlarmThresholds,
): AlarmSpec[] {
  const names = observabilityNames(prefix);
  const lb = observed.loadBalancerArnSuffix;
  const alarms: AlarmSpec[] = [];

  for (const service of observed.services) {
    const cluster = observed.clusterName;
    const ecsName = service.ecsServiceName;
    const tg = service.targetGroupArnSuffix;
    if (tg && service.minimumTasks > 0) {
      alarms.push({
        name: names.alarm(service.name, "no-healthy-hosts"),
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
    alarms.push(
      {
        name: names.alarm(service.name, "cpu-high"),
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
        name: names.alarm(service.name, "memory-high"),
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
        name: names.alarm(service.name, "tasks-below-desired"),
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
        name: names.alarm(database.service, "db-cpu-high"),
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
        name: names.alarm(database.service, "db-free-storage-low"),
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
        name: names.alarm(table.service, "table", `${kind}-throttles`),
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
