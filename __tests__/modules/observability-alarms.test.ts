import { alarmName, planAlarms, type AlarmSpec } from "../../modules/observability/alarm-plan";
import { DEFAULT_ALARM_THRESHOLDS } from "../../modules/observability/alarm-thresholds";
import type { ObservedResources } from "../../modules/observability/metrics";

const OBSERVED: ObservedResources = {
  loadBalancerArnSuffix: "app/shop-prod/abc",
  clusterName: "shop-prod",
  services: [
    {
      name: "users",
      ecsServiceName: "users",
      targetGroupArnSuffix: "targetgroup/shop-prod-users/1",
      minimumTasks: 2,
    },
  ],
  databases: [{ service: "users", identifier: "shop-prod-users", allocatedStorageGb: 20 }],
  tables: [{ service: "users", tableName: "shop-prod-users" }],
};

const plan = (observed: ObservedResources = OBSERVED) =>
  planAlarms("shop-prod", observed, DEFAULT_ALARM_THRESHOLDS);

const named = (alarms: AlarmSpec[], name: string) => {
  const alarm = alarms.find((a) => a.name === name);
  if (!alarm) throw new Error(`no alarm ${name}; have ${alarms.map((a) => a.name).join(", ")}`);
  return alarm;
};

/** What an alarm's evaluation is, in one line: comparison, threshold, m of n, period, missing data. */
const rule = (alarm: AlarmSpec) =>
  `${alarm.comparison} ${alarm.threshold} ${alarm.datapointsToAlarm}/${alarm.evaluationPeriods}x${alarm.source.periodSeconds}s ${alarm.treatMissingData}`;

describe("planAlarms", () => {
  it("fires on each signal at its documented threshold, window and missing-data treatment", () => {
    const alarms = plan();
    expect(Object.fromEntries(alarms.map((a) => [a.name, rule(a)]))).toEqual({
      "shop-prod-alb-5xx": "GreaterThanOrEqualToThreshold 10 3/5x60s notBreaching",
      "shop-prod-users-5xx-rate": "GreaterThanOrEqualToThreshold 5 3/5x60s notBreaching",
      "shop-prod-users-p99-latency": "GreaterThanOrEqualToThreshold 2 3/5x60s notBreaching",
      "shop-prod-users-no-healthy-hosts": "LessThanThreshold 1 2/2x60s breaching",
      "shop-prod-users-cpu-high": "GreaterThanOrEqualToThreshold 90 5/5x60s notBreaching",
      "shop-prod-users-memory-high": "GreaterThanOrEqualToThreshold 90 5/5x60s notBreaching",
      "shop-prod-users-tasks-below-desired":
        "GreaterThanOrEqualToThreshold 1 10/10x60s notBreaching",
      "shop-prod-users-db-cpu-high": "GreaterThanOrEqualToThreshold 80 3/3x300s notBreaching",
      "shop-prod-users-db-free-storage-low": `LessThanThreshold ${2 * 1024 ** 3} 2/2x300s notBreaching`,
      "shop-prod-users-table-read-throttles":
        "GreaterThanOrEqualToThreshold 10 2/3x300s notBreaching",
      "shop-prod-users-table-write-throttles":
        "GreaterThanOrEqualToThreshold 10 2/3x300s notBreaching",
    });
  });

  it("makes a service's 5xx share and p99 latency its deployment alarms, and nothing else", () => {
    expect(
      plan()
        .filter((a) => a.rollsBack)
        .map((a) => [a.name, a.rollsBack]),
    ).toEqual([
      ["shop-prod-users-5xx-rate", "users"],
      ["shop-prod-users-p99-latency", "users"],
    ]);
  });

  it("judges the 5xx share only above a minimum of requests, counting missing errors as none", () => {
    const source = named(plan(), "shop-prod-users-5xx-rate").source;
    expect(source).toMatchObject({
      expression: "IF(requests >= 10, 100 * FILL(errors, 0) / requests, 0)",
      inputs: {
        requests: {
          metric: {
            namespace: "AWS/ApplicationELB",
            metricName: "RequestCount",
            dimensions: {
              TargetGroup: "targetgroup/shop-prod-users/1",
              LoadBalancer: "app/shop-prod/abc",
            },
          },
          stat: "Sum",
        },
        errors: { metric: { metricName: "HTTPCode_Target_5XX_Count" }, stat: "Sum" },
      },
    });
  });

  it("reads latency at p99, hosts at their minimum, and tasks from Container Insights", () => {
    const alarms = plan();
    expect(named(alarms, "shop-prod-users-p99-latency").source).toMatchObject({
      metric: { metricName: "TargetResponseTime" },
      stat: "p99",
    });
    expect(named(alarms, "shop-prod-users-no-healthy-hosts").source).toMatchObject({
      metric: { metricName: "HealthyHostCount" },
      stat: "Minimum",
    });
    expect(named(alarms, "shop-prod-users-tasks-below-desired").source).toMatchObject({
      expression: "desired - FILL(running, 0)",
      inputs: {
        desired: {
          metric: {
            namespace: "ECS/ContainerInsights",
            metricName: "DesiredTaskCount",
            dimensions: { ClusterName: "shop-prod", ServiceName: "users" },
          },
        },
        running: { metric: { metricName: "RunningTaskCount" } },
      },
    });
  });

  it("takes other thresholds when given", () => {
    const alarms = planAlarms("shop-prod", OBSERVED, {
      ...DEFAULT_ALARM_THRESHOLDS,
      p99LatencySeconds: 0.5,
      databaseFreeStoragePercent: 25,
    });
    expect(named(alarms, "shop-prod-users-p99-latency").threshold).toBe(0.5);
    expect(named(alarms, "shop-prod-users-db-free-storage-low").threshold).toBe(5 * 1024 ** 3);
  });

  it("expects no healthy host from a service that may run no task, and no target group alarms without one", () => {
    const names = plan({
      ...OBSERVED,
      services: [
        { ...OBSERVED.services[0], minimumTasks: 0 },
        { name: "worker", ecsServiceName: "worker", minimumTasks: 1 },
      ],
    }).map((a) => a.name);
    expect(names).not.toContain("shop-prod-users-no-healthy-hosts");
    expect(names).toContain("shop-prod-users-5xx-rate");
    expect(names.filter((n) => n.includes("-worker-"))).toEqual([
      "shop-prod-worker-cpu-high",
      "shop-prod-worker-memory-high",
      "shop-prod-worker-tasks-below-desired",
    ]);
  });

  it("keeps the longest names within CloudWatch's 255 characters, and distinct", () => {
    const longest = "x".repeat(28);
    const alarms = planAlarms(
      "abcdefghijkl-abcdefghij",
      {
        ...OBSERVED,
        services: [{ ...OBSERVED.services[0], name: longest }],
        databases: [{ ...OBSERVED.databases[0], service: longest }],
        tables: [{ ...OBSERVED.tables[0], service: longest }],
      },
      DEFAULT_ALARM_THRESHOLDS,
    );
    for (const alarm of alarms) expect(alarm.name.length).toBeLessThanOrEqual(255);
    expect(new Set(alarms.map((a) => a.name)).size).toBe(alarms.length);
    expect(alarmName("p".repeat(250), "service", "signal")).toHaveLength(255);
  });
});
