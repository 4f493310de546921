import { DashboardModule, type DashboardModuleProps } from "../../modules/dashboard";
import { alarmNamed as alarm, alarmsOf, OBSERVED } from "../support/observed-fixture";
import { synthScope, type Synthesized } from "../support/synth";

const TOPIC = "arn:aws:sns:us-east-1:123456789012:shop-prod-alarms";

const PROPS: DashboardModuleProps = {
  name: "shop-prod",
  region: "us-east-1",
  alarmTopicArn: TOPIC,
  ...OBSERVED,
  otherAlarmArns: ["arn:aws:cloudwatch:us-east-1:123456789012:alarm:shop-prod-alb-5xx"],
};

function synthDashboard(overrides: Partial<DashboardModuleProps> = {}): Synthesized {
  return synthScope((scope) => {
    new DashboardModule(scope, "dashboard", { ...PROPS, ...overrides });
  });
}

describe("DashboardModule", () => {
  it("alarms on each service's hosts, CPU, memory and tasks, and on each data store, notifying the topic", () => {
    const alarms = alarmsOf(synthDashboard());
    expect(alarms.map((a) => a.alarm_name).sort()).toEqual(
      [
        ...["users", "products"].flatMap((service) =>
          ["no-healthy-hosts", "cpu-high", "memory-high", "tasks-below-desired"].map(
            (signal) => `shop-prod-${service}-${signal}`,
          ),
        ),
        "shop-prod-users-db-cpu-high",
        "shop-prod-users-db-free-storage-low",
        "shop-prod-products-table-read-throttles",
        "shop-prod-products-table-write-throttles",
      ].sort(),
    );
    for (const each of alarms) {
      expect(each.alarm_actions).toEqual([TOPIC]);
      expect(each.ok_actions).toEqual([TOPIC]);
    }
  });

  it("reads the ECS metrics of the cluster and service it is given", () => {
    const synth = synthDashboard({
      clusterName: "cluster-ref",
      services: [{ ...PROPS.services[0], ecsServiceName: "service-ref" }],
    });
    expect(alarm(synth, "shop-prod-users-cpu-high")).toMatchObject({
      namespace: "AWS/ECS",
      metric_name: "CPUUtilization",
      dimensions: { ClusterName: "cluster-ref", ServiceName: "service-ref" },
      statistic: "Average",
      period: 60,
      comparison_operator: "GreaterThanOrEqualToThreshold",
      threshold: 90,
      evaluation_periods: 5,
      datapoints_to_alarm: 5,
    });
  });

  it("builds the environment's dashboard, topped by the other alarms' states, then its own", () => {
    const synth = synthDashboard();
    const dashboard = synth.resource("aws_cloudwatch_dashboard");
    expect(dashboard.dashboard_name).toBe("shop-prod");
    const body = JSON.parse(dashboard.dashboard_body as string);
    const [first, ...own] = body.widgets[0].properties.alarms;
    expect(first).toBe(PROPS.otherAlarmArns![0]);
    expect(own.sort()).toEqual(
      Object.keys(synth.resources("aws_cloudwatch_metric_alarm"))
        .map((id) => `\${aws_cloudwatch_metric_alarm.${id}.arn}`)
        .sort(),
    );
    expect(
      body.widgets.map((w: { properties: { title: string } }) => w.properties.title),
    ).toContain("Running vs desired tasks");
  });

  it("takes other thresholds when given", () => {
    const synth = synthDashboard({ thresholds: { serviceCpuPercent: 75 } });
    expect(alarm(synth, "shop-prod-users-cpu-high").threshold).toBe(75);
    expect(alarm(synth, "shop-prod-users-memory-high").threshold).toBe(90);
  });
});
