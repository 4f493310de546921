import type { AlarmSpec } from "../../lib/cloudwatch/alarm-spec";
import { observabilityNames } from "../../lib/names/observability";
import {
  DEFAULT_SERVICE_ALARM_THRESHOLDS,
  planServiceAlarms,
  type ObservedResources,
  type ServiceAlarmThresholds,
} from "../../modules/dashboard";
import {
  DEFAULT_DEPLOYMENT_ALARM_THRESHOLDS,
  planDeploymentAlarms,
  type DeploymentAlarmThresholds,
} from "../../modules/observability";
import { OBSERVED as BOTH } from "../support/observed-fixture";

/** Users alone, with a database and a table. */
const OBSERVED: ObservedResources = {
  ...BOTH,
  services: BOTH.services.filter((s) => s.name === "users"),
  tables: [{ service: "users", tableName: "shop-prod-users" }],
};

type Thresholds = DeploymentAlarmThresholds & ServiceAlarmThresholds;
const DEFAULTS: Thresholds = {
  ...DEFAULT_DEPLOYMENT_ALARM_THRESHOLDS,
  ...DEFAULT_SERVICE_ALARM_THRESHOLDS,
};

/** Every alarm of an environment, as the two modules plan them: the deployment alarms first. */
function planAlarms(prefix: string, observed: ObservedResources, thresholds: Thresholds) {
  const routed = observed.services.flatMap(({ name, targetGroupArnSuffix }) =>
    targetGroupArnSuffix ? [{ name, targetGroupArnSuffix }] : [],
  );
  const deployment = planDeploymentAlarms(
    prefix,
    observed.loadBalancerArnSuffix,
    routed,
    thresholds,
  );
  return {
    deployment,
    all: [
      ...deployment.loadBalancer,
      ...deployment.services.flatMap((s) => s.alarms),
      ...planServiceAlarms(prefix, observed, thresholds),
    ],
  };
}

const plan = (observed: ObservedResources = OBSERVED) =>
  planAlarms("shop-prod", observed, DEFAULTS).all;

const named = (alarms: AlarmSpec[], name: string) => {
  const alarm = alarms.find((a) => a.name === name);
  if (!alarm) throw new Error(`no alarm ${name}; have ${alarms.map((a) => a.name).join(", ")}`);
  return alarm;
};

/** What an alarm's evaluation is, in one line: comparison, threshold, m of n, period, missing data. */
const rule = (alarm: AlarmSpec) =>
  `${alarm.comparison} ${alarm.threshold} ${alarm.datapointsToAlarm}/${alarm.evaluationPeriods}x${alarm.source.periodSeconds}s ${alarm.treatMissingData}`;

describe("the deployment alarms and the service alarms, planned", () => {
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
    const { deployment } = planAlarms("shop-prod", OBSERVED, DEFAULTS);
    expect(deployment.services.map((s) => [s.service, s.alarms.map((a) => a.name)])).toEqual([
      ["users", ["shop-prod-users-5xx-rate", "shop-prod-users-p99-latency"]],
    ]);
    expect(deployment.loadBalancer.map((a) => a.name)).toEqual(["shop-prod-alb-5xx"]);
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
      ...DEFAULTS,
      p99LatencySeconds: 0.5,
      databaseFreeStoragePercent: 25,
    }).all;
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
      DEFAULTS,
    ).all;
    for (const alarm of alarms) expect(alarm.name.length).toBeLessThanOrEqual(255);
    expect(new Set(alarms.map((a) => a.name)).size).toBe(alarms.length);
    expect(observabilityNames("p".repeat(250)).alarm("service", "signal")).toHaveLength(255);
  });
});
