import { synthEnvironment } from "../support/stacks";
import { logicalId, ref, type Synthesized } from "../support/synth";

const dev = synthEnvironment("dev");
const prod = synthEnvironment("prod");

const containerNames = (synth: Synthesized, service: string) =>
  (
    JSON.parse(
      synth.resourceAt("aws_ecs_task_definition", `task-definition-${service}`)
        .container_definitions as string,
    ) as { name: string }[]
  ).map((c) => c.name);

describe.each([
  ["dev", dev, { base: 1, onDemand: 1, spot: 3, min: 1, max: 2 }],
  ["prod", prod, { base: 2, onDemand: 3, spot: 1, min: 2, max: 6 }],
])("the %s stack's scaling", (_name, synth, expected) => {
  it("spreads every service over Fargate and Fargate Spot as the environment says", () => {
    for (const service of Object.values(synth.resources("aws_ecs_service"))) {
      expect(service.capacity_provider_strategy).toEqual([
        { capacity_provider: "FARGATE", base: expected.base, weight: expected.onDemand },
        { capacity_provider: "FARGATE_SPOT", weight: expected.spot },
      ]);
    }
  });

  it("autoscales each service within the environment's bounds, on its own cluster and service", () => {
    const cluster = ref("aws_ecs_cluster", logicalId(synth, "aws_ecs_cluster", "cluster"), "name");
    for (const service of ["users", "products"]) {
      const ecsService = ref(
        "aws_ecs_service",
        logicalId(synth, "aws_ecs_service", `service-${service}`),
        "name",
      );
      expect(synth.resourceAt("aws_appautoscaling_target", `autoscaling-${service}`)).toMatchObject(
        {
          resource_id: `service/${cluster}/${ecsService}`,
          min_capacity: expected.min,
          max_capacity: expected.max,
        },
      );
      expect(synth.resourceAt("aws_ecs_service", `service-${service}`).lifecycle).toEqual({
        ignore_changes: ["desired_count"],
      });
    }
  });

  it("scales products on requests per task, labelled with its load balancer and target group", () => {
    const requests = Object.values(synth.resources("aws_appautoscaling_policy")).filter(
      (p) =>
        (p.target_tracking_scaling_policy_configuration as any).predefined_metric_specification
          .predefined_metric_type === "ALBRequestCountPerTarget",
    );
    expect(requests).toHaveLength(1);
    const lb = ref("aws_lb", logicalId(synth, "aws_lb", "load-balancer"), "arn_suffix");
    const tg = ref(
      "aws_lb_target_group",
      logicalId(synth, "aws_lb_target_group", "target-group-products"),
      "arn_suffix",
    );
    expect(requests[0]).toMatchObject({
      name: expect.stringMatching(/-products-requests$/),
      target_tracking_scaling_policy_configuration: {
        target_value: 1000,
        predefined_metric_specification: { resource_label: `${lb}/${tg}` },
      },
    });
  });
});

describe.each([
  ["dev", dev],
  ["prod", prod],
])("the %s stack's observability", (_name, synth) => {
  it("reads the ECS cluster's and services' names from the ECS resources in alarms", () => {
    const cluster = ref("aws_ecs_cluster", logicalId(synth, "aws_ecs_cluster", "cluster"), "name");
    const services = Object.keys(synth.resources("aws_ecs_service")).map((id) =>
      ref("aws_ecs_service", id, "name"),
    );
    const ecsDimensions = Object.values(synth.resources("aws_cloudwatch_metric_alarm"))
      .flatMap((a) => [
        a.dimensions as Record<string, string> | undefined,
        ...((a.metric_query as { metric?: { dimensions: Record<string, string> } }[]) ?? []).map(
          (q) => q.metric?.dimensions,
        ),
      ])
      .filter((d): d is Record<string, string> => d?.ClusterName !== undefined);
    expect(ecsDimensions.length).toBe(2 * 4);
    for (const dimensions of ecsDimensions) {
      expect(dimensions.ClusterName).toBe(cluster);
      expect(services).toContain(dimensions.ServiceName);
    }
  });

  it("rolls each service back on its own 5xx share and p99 latency alarms, which need nothing of ECS", () => {
    for (const service of ["users", "products"]) {
      const alarms = synth.resourceAt("aws_ecs_service", `service-${service}`).alarms as {
        alarm_names: string[];
      };
      expect(alarms).toMatchObject({ enable: true, rollback: true });
      expect(alarms.alarm_names).toEqual(
        ["5xx-rate", "p99-latency"].map((signal) =>
          ref(
            "aws_cloudwatch_metric_alarm",
            logicalId(synth, "aws_cloudwatch_metric_alarm", `-${service}-${signal}`),
            "alarm_name",
          ),
        ),
      );
    }
    for (const [id, alarm] of Object.entries(synth.resources("aws_cloudwatch_metric_alarm"))) {
      if (!/5xx-rate|p99-latency/.test(id)) continue;
      expect(JSON.stringify(alarm)).not.toMatch(/aws_ecs_/);
    }
  });

  it("graphs both services, both target groups, the users database and the products table", () => {
    const body = JSON.stringify(
      JSON.parse(synth.resource("aws_cloudwatch_dashboard").dashboard_body as string),
    );
    for (const service of ["users", "products"]) {
      expect(body).toContain(
        ref(
          "aws_lb_target_group",
          logicalId(synth, "aws_lb_target_group", `target-group-${service}`),
          "arn_suffix",
        ),
      );
      const ecsService = ref(
        "aws_ecs_service",
        logicalId(synth, "aws_ecs_service", `service-${service}`),
        "name",
      );
      expect(body).toContain(`"ServiceName","${ecsService}"`);
    }
    expect(body).toContain(
      ref(
        "aws_db_instance",
        logicalId(synth, "aws_db_instance", "postgres-users_instance"),
        "identifier",
      ),
    );
    expect(body).toContain(
      ref(
        "aws_dynamodb_table",
        logicalId(synth, "aws_dynamodb_table", "dynamodb-products"),
        "name",
      ),
    );
  });

  it("keeps the addresses the dashboard and its alarms had before the observability module was split", () => {
    const moved = ((synth.json as { moved?: { from: string; to: string }[] }).moved ?? []).filter(
      (block) => block.to.startsWith("aws_cloudwatch_"),
    );
    const dashboardResources = [
      ...Object.keys(synth.resources("aws_cloudwatch_metric_alarm"))
        .filter((id) => id.startsWith("dashboard_"))
        .map((id) => `aws_cloudwatch_metric_alarm.${id}`),
      `aws_cloudwatch_dashboard.${logicalId(synth, "aws_cloudwatch_dashboard", "dashboard")}`,
    ];
    expect(moved.map((m) => m.to).sort()).toEqual(dashboardResources.sort());
    for (const { from, to } of moved) {
      expect(from.split(".")[0]).toBe(to.split(".")[0]);
      expect(from).toMatch(/^aws_cloudwatch_\w+\.observability_/);
    }
  });

  it("keeps every log group for a limited time", () => {
    const groups = Object.values(synth.resources("aws_cloudwatch_log_group"));
    expect(groups.length).toBeGreaterThan(0);
    for (const group of groups) expect(group.retention_in_days).toBeGreaterThan(0);
  });
});

describe("tracing and notifications per environment", () => {
  it("runs the X-Ray daemon next to each service in prod only", () => {
    for (const service of ["users", "products"]) {
      expect(containerNames(prod, service)).toEqual([service, "xray-daemon"]);
      expect(containerNames(dev, service)).toEqual([service]);
    }
  });

  it("mails prod's alarms to its operators; dev's alarms mail nobody", () => {
    expect(
      Object.values(prod.resources("aws_sns_topic_subscription")).map((s) => s.endpoint),
    ).toEqual(["ops@example.com"]);
    expect(dev.resources("aws_sns_topic_subscription")).toEqual({});
    expect(Object.keys(dev.resources("aws_cloudwatch_metric_alarm")).length).toBeGreaterThan(0);
  });
});

describe("the addresses before the split", () => {
  it("are those the observability module gave the dashboard and its alarms", () => {
    const moved = (dev.json as { moved?: { from: string; to: string }[] }).moved ?? [];
    // As synthesized before the split, and so as recorded in deployed states.
    expect(moved.map((m) => m.from)).toEqual(
      expect.arrayContaining([
        "aws_cloudwatch_dashboard.observability_dashboard_FADF3BBC",
        "aws_cloudwatch_metric_alarm.observability_alarm-shop-dev-users-cpu-high_7B5E0922",
      ]),
    );
  });
});
