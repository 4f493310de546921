import {
  containerInsightsMetric,
  databaseMetric,
  ecsServiceMetric,
  loadBalancerMetric,
  tableMetric,
  targetGroupMetric,
  type Metric,
} from "../../lib/cloudwatch/metrics";
import type { ObservedResources } from "./observed-resources";

/** How one series is drawn: the statistic, and the legend's label. */
export interface SeriesOptions {
  readonly stat: string;
  readonly label: string;
}

/**
 * One series in CloudWatch's dashboard notation: namespace, metric name, then dimension names and
 * values in pairs, then the options.
 */
export type MetricSeries = readonly [string, string, ...(string | SeriesOptions)[]];

export interface MetricWidget {
  readonly type: "metric";
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly properties: {
    readonly title: string;
    readonly region: string;
    readonly view: "timeSeries";
    readonly stacked: false;
    readonly period: number;
    readonly metrics: readonly MetricSeries[];
    readonly yAxis: { readonly left: { readonly min: 0; readonly label?: string } };
  };
}

export interface AlarmStatusWidget {
  readonly type: "alarm";
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly properties: { readonly title: string; readonly alarms: readonly string[] };
}

export type DashboardWidget = MetricWidget | AlarmStatusWidget;

export interface DashboardBody {
  readonly start: string;
  readonly periodOverride: "inherit";
  readonly widgets: readonly DashboardWidget[];
}

export interface DashboardInput extends ObservedResources {
  readonly region: string;
  /** Alarms whose state the top row shows. @default none (no alarm row) */
  readonly alarmArns?: readonly string[];
}

const GRID_WIDTH = 24;
const WIDGET = { width: 12, height: 6 } as const;
const ALARM_ROW_HEIGHT = 4;
/** An alarm status widget shows at most this many alarms. */
export const MAX_ALARMS_PER_WIDGET = 100;

export function series(metric: Metric, options: SeriesOptions): MetricSeries {
  const dimensions = Object.entries(metric.dimensions).flat();
  return [metric.namespace, metric.metricName, ...dimensions, options];
}

interface Graph {
  readonly title: string;
  readonly metrics: readonly MetricSeries[];
  readonly unit?: string;
  readonly period?: number;
}

/**
 * The environment's dashboard: the load balancer's traffic and errors, each target group's
 * latency percentiles and healthy hosts, each service's CPU, memory and running vs desired tasks,
 * and, when there are any, the databases' CPU, connections and free storage and the tables'
 * throttled reads and writes. Two graphs a row, under a row of alarm states.
 */
export function buildDashboardBody(input: DashboardInput): DashboardBody {
  const lb = input.loadBalancerArnSuffix;
  const cluster = input.clusterName;
  const routed = input.services.flatMap((s) =>
    s.targetGroupArnSuffix ? [{ name: s.name, targetGroup: s.targetGroupArnSuffix }] : [],
  );
  const perService = (metricName: string, stat: string, suffix = "") =>
    input.services.map((s) =>
      series(ecsServiceMetric(cluster, s.ecsServiceName, metricName), {
        stat,
        label: `${s.name}${suffix}`,
      }),
    );

  const graphs: Graph[] = [
    {
      title: "Load balancer requests",
      unit: "requests",
      metrics: [series(loadBalancerMetric(lb, "RequestCount"), { stat: "Sum", label: "requests" })],
    },
    {
      title: "4xx and 5xx responses",
      unit: "responses",
      metrics: [
        ["HTTPCode_ELB_4XX_Count", "load balancer 4xx"],
        ["HTTPCode_ELB_5XX_Count", "load balancer 5xx"],
        ["HTTPCode_Target_4XX_Count", "targets 4xx"],
        ["HTTPCode_Target_5XX_Count", "targets 5xx"],
      ].map(([metricName, label]) =>
        series(loadBalancerMetric(lb, metricName), { stat: "Sum", label }),
      ),
    },
    {
      title: "Target response time p50 / p99",
      unit: "seconds",
      metrics: routed.flatMap(({ name, targetGroup }) =>
        ["p50", "p99"].map((stat) =>
          series(targetGroupMetric(lb, targetGroup, "TargetResponseTime"), {
            stat,
            label: `${name} ${stat}`,
          }),
        ),
      ),
    },
    {
      title: "Healthy hosts per target group",
      unit: "hosts",
      metrics: routed.flatMap(({ name, targetGroup }) => [
        series(targetGroupMetric(lb, targetGroup, "HealthyHostCount"), {
          stat: "Minimum",
          label: `${name} healthy`,
        }),
        series(targetGroupMetric(lb, targetGroup, "UnHealthyHostCount"), {
          stat: "Maximum",
          label: `${name} unhealthy`,
        }),
      ]),
    },
    {
      title: "CPU utilization per service",
      unit: "%",
      metrics: perService("CPUUtilization", "Average"),
    },
    {
      title: "Memory utilization per service",
      unit: "%",
      metrics: perService("MemoryUtilization", "Average"),
    },
    {
      title: "Running vs desired tasks",
      unit: "tasks",
      metrics: input.services.flatMap((s) =>
        (["RunningTaskCount", "DesiredTaskCount"] as const).map((metricName) =>
          series(containerInsightsMetric(cluster, s.ecsServiceName, metricName), {
            stat: "Average",
            label: `${s.name} ${metricName === "RunningTaskCount" ? "running" : "desired"}`,
          }),
        ),
      ),
    },
  ];
  if (input.databases.length > 0) {
    const perDatabase = (metricName: string, stat: string) =>
      input.databases.map((db) =>
        series(databaseMetric(db.identifier, metricName), { stat, label: db.service }),
      );
    graphs.push(
      {
        title: "RDS CPU utilization",
        unit: "%",
        metrics: perDatabase("CPUUtilization", "Average"),
        period: 300,
      },
      {
        title: "RDS connections",
        unit: "connections",
        metrics: perDatabase("DatabaseConnections", "Maximum"),
        period: 300,
      },
      {
        title: "RDS free storage",
        unit: "bytes",
        metrics: perDatabase("FreeStorageSpace", "Minimum"),
        period: 300,
      },
    );
  }
  if (input.tables.length > 0) {
    graphs.push({
      title: "DynamoDB throttled reads and writes",
      unit: "events",
      period: 300,
      metrics: input.tables.flatMap((t) =>
        (["ReadThrottleEvents", "WriteThrottleEvents"] as const).map((metricName) =>
          series(tableMetric(t.tableName, metricName), {
            stat: "Sum",
            label: `${t.service} ${metricName === "ReadThrottleEvents" ? "reads" : "writes"}`,
          }),
        ),
      ),
    });
  }

  const alarmArns = input.alarmArns ?? [];
  const top = alarmArns.length > 0 ? ALARM_ROW_HEIGHT : 0;
  const widgets: DashboardWidget[] = [];
  if (alarmArns.length > 0) {
    widgets.push({
      type: "alarm",
      x: 0,
      y: 0,
      width: GRID_WIDTH,
      height: ALARM_ROW_HEIGHT,
      properties: { title: "Alarms", alarms: alarmArns.slice(0, MAX_ALARMS_PER_WIDGET) },
    });
  }
  const perRow = GRID_WIDTH / WIDGET.width;
  graphs.forEach((graph, i) => {
    widgets.push({
      type: "metric",
      x: (i % perRow) * WIDGET.width,
      y: top + Math.floor(i / perRow) * WIDGET.height,
      ...WIDGET,
      properties: {
        title: graph.title,
        region: input.region,
        view: "timeSeries",
        stacked: false,
        period: graph.period ?? 60,
        metrics: graph.metrics,
        yAxis: { left: { min: 0, ...(graph.unit ? { label: graph.unit } : {}) } },
      },
    });
  });
  return { start: "-PT6H", periodOverride: "inherit", widgets };
}
