import {
  buildDashboardBody,
  type DashboardInput,
  type MetricWidget,
} from "../../modules/dashboard/dashboard-body";
import { OBSERVED } from "../support/observed-fixture";

const INPUT: DashboardInput = { ...OBSERVED, region: "eu-west-1" };

const graphs = (input: DashboardInput) =>
  buildDashboardBody(input).widgets.filter((w): w is MetricWidget => w.type === "metric");

const graph = (input: DashboardInput, title: string) => {
  const found = graphs(input).find((w) => w.properties.title === title);
  if (!found) throw new Error(`no graph "${title}"`);
  return found.properties;
};

describe("buildDashboardBody", () => {
  it("graphs the load balancer's requests and its 4xx and 5xx, its own and its targets'", () => {
    expect(graph(INPUT, "Load balancer requests").metrics).toEqual([
      [
        "AWS/ApplicationELB",
        "RequestCount",
        "LoadBalancer",
        "app/shop-prod/abc",
        { stat: "Sum", label: "requests" },
      ],
    ]);
    expect(graph(INPUT, "4xx and 5xx responses").metrics.map((m) => m[1])).toEqual([
      "HTTPCode_ELB_4XX_Count",
      "HTTPCode_ELB_5XX_Count",
      "HTTPCode_Target_4XX_Count",
      "HTTPCode_Target_5XX_Count",
    ]);
  });

  it("graphs p50 and p99 response time and healthy hosts for each target group", () => {
    expect(graph(INPUT, "Target response time p50 / p99").metrics).toEqual(
      ["users", "products"].flatMap((service, i) =>
        ["p50", "p99"].map((stat) => [
          "AWS/ApplicationELB",
          "TargetResponseTime",
          "TargetGroup",
          `targetgroup/shop-prod-${service}/${i + 1}`,
          "LoadBalancer",
          "app/shop-prod/abc",
          { stat, label: `${service} ${stat}` },
        ]),
      ),
    );
    const hosts = graph(INPUT, "Healthy hosts per target group").metrics;
    expect(hosts.map((m) => [m[1], m[3], m[6]])).toEqual([
      [
        "HealthyHostCount",
        "targetgroup/shop-prod-users/1",
        { stat: "Minimum", label: "users healthy" },
      ],
      [
        "UnHealthyHostCount",
        "targetgroup/shop-prod-users/1",
        { stat: "Maximum", label: "users unhealthy" },
      ],
      [
        "HealthyHostCount",
        "targetgroup/shop-prod-products/2",
        { stat: "Minimum", label: "products healthy" },
      ],
      [
        "UnHealthyHostCount",
        "targetgroup/shop-prod-products/2",
        { stat: "Maximum", label: "products unhealthy" },
      ],
    ]);
  });

  it("graphs CPU, memory and running vs desired tasks for each service", () => {
    for (const [title, metricName] of [
      ["CPU utilization per service", "CPUUtilization"],
      ["Memory utilization per service", "MemoryUtilization"],
    ]) {
      expect(graph(INPUT, title).metrics).toEqual(
        ["users", "products"].map((service) => [
          "AWS/ECS",
          metricName,
          "ClusterName",
          "shop-prod",
          "ServiceName",
          service,
          { stat: "Average", label: service },
        ]),
      );
    }
    const tasks = graph(INPUT, "Running vs desired tasks").metrics;
    expect(tasks.map((m) => [m[0], m[1], m[5]])).toEqual([
      ["ECS/ContainerInsights", "RunningTaskCount", "users"],
      ["ECS/ContainerInsights", "DesiredTaskCount", "users"],
      ["ECS/ContainerInsights", "RunningTaskCount", "products"],
      ["ECS/ContainerInsights", "DesiredTaskCount", "products"],
    ]);
  });

  it("graphs each database's CPU, connections and free storage, and each table's throttles", () => {
    for (const [title, metricName] of [
      ["RDS CPU utilization", "CPUUtilization"],
      ["RDS connections", "DatabaseConnections"],
      ["RDS free storage", "FreeStorageSpace"],
    ]) {
      expect(graph(INPUT, title).metrics.map((m) => m.slice(0, 4))).toEqual([
        ["AWS/RDS", metricName, "DBInstanceIdentifier", "shop-prod-users"],
      ]);
    }
    expect(
      graph(INPUT, "DynamoDB throttled reads and writes").metrics.map((m) => m.slice(0, 4)),
    ).toEqual([
      ["AWS/DynamoDB", "ReadThrottleEvents", "TableName", "shop-prod-products"],
      ["AWS/DynamoDB", "WriteThrottleEvents", "TableName", "shop-prod-products"],
    ]);
  });

  it("leaves out the database and table graphs when there are none, and graphs only routed services' target groups", () => {
    const input: DashboardInput = {
      ...INPUT,
      services: [INPUT.services[0], { name: "worker", ecsServiceName: "worker", minimumTasks: 1 }],
      databases: [],
      tables: [],
    };
    const titles = graphs(input).map((w) => w.properties.title);
    expect(titles.some((t) => t.startsWith("RDS") || t.startsWith("DynamoDB"))).toBe(false);
    expect(graph(input, "Target response time p50 / p99").metrics).toHaveLength(2);
    expect(graph(input, "CPU utilization per service").metrics).toHaveLength(2);
  });

  it("lays the graphs out two a row in the region, under a row of alarm states", () => {
    const body = buildDashboardBody({ ...INPUT, alarmArns: ["arn:a", "arn:b"] });
    expect(body.widgets[0]).toEqual({
      type: "alarm",
      x: 0,
      y: 0,
      width: 24,
      height: 4,
      properties: { title: "Alarms", alarms: ["arn:a", "arn:b"] },
    });
    const cells = body.widgets.slice(1).map((w) => `${w.x},${w.y}`);
    expect(new Set(cells).size).toBe(cells.length);
    for (const widget of body.widgets.slice(1) as MetricWidget[]) {
      expect(widget.x + widget.width).toBeLessThanOrEqual(24);
      expect(widget.y).toBeGreaterThanOrEqual(4);
      expect(widget.properties.region).toBe("eu-west-1");
    }
    expect(buildDashboardBody(INPUT).widgets[0].type).toBe("metric");
  });

  it("writes every series as namespace, metric, dimension name/value pairs, then its options", () => {
    for (const widget of graphs(INPUT)) {
      for (const line of widget.properties.metrics) {
        const options = line[line.length - 1];
        const dimensions = line.slice(2, -1);
        expect(typeof options).toBe("object");
        expect(dimensions.length % 2).toBe(0);
        for (const part of [line[0], line[1], ...dimensions]) {
          expect(typeof part === "string" && part.length > 0).toBe(true);
        }
      }
    }
  });
});
