import { ServiceAutoscaling } from "../../modules/ecs/service-autoscaling";
import { ecsService, PRODUCTS, USERS, synthEcsModule } from "../support/ecs-fixture";
import { logicalId, ref, synthScope, type Synthesized } from "../support/synth";

const SCALING = {
  minCount: 2,
  maxCount: 6,
  cpuTargetPercent: 70,
  memoryTargetPercent: 80,
  requestsPerTarget: 1000,
};

function synthScaled(): Synthesized {
  const targetGroup = (arnSuffix: string) => ({ arn: "arn:tg", arnSuffix, dependencies: [] });
  return synthEcsModule({
    services: [
      ecsService(
        { ...USERS, scaling: SCALING },
        { targetGroup: targetGroup("targetgroup/shop-prod-users/def456") },
      ),
      ecsService(PRODUCTS, { targetGroup: targetGroup("targetgroup/shop-prod-products/0789ab") }),
    ],
    loadBalancerArnSuffix: "app/shop-prod/abc123",
  });
}

const policiesOf = (synth: Synthesized, service: string) =>
  Object.entries(synth.resources("aws_appautoscaling_policy")).filter(([id]) =>
    id.startsWith(`ecs_autoscaling-${service}_`),
  );

describe("EcsModule autoscaling", () => {
  it("registers the service's desired count between minCount and maxCount, once the service exists", () => {
    const synth = synthScaled();
    const cluster = ref("aws_ecs_cluster", logicalId(synth, "aws_ecs_cluster", "cluster"), "name");
    const service = ref("aws_ecs_service", logicalId(synth, "aws_ecs_service", "users"), "name");
    expect(synth.resource("aws_appautoscaling_target")).toMatchObject({
      service_namespace: "ecs",
      scalable_dimension: "ecs:service:DesiredCount",
      resource_id: `service/${cluster}/${service}`,
      min_capacity: 2,
      max_capacity: 6,
    });
  });

  it("tracks average CPU, average memory and requests per task, each on its own policy", () => {
    const synth = synthScaled();
    const target = logicalId(synth, "aws_appautoscaling_target", "users");
    const policies = policiesOf(synth, "users").map(([, policy]) => policy);
    expect(policies).toHaveLength(3);
    for (const policy of policies) {
      expect(policy).toMatchObject({
        policy_type: "TargetTrackingScaling",
        resource_id: ref("aws_appautoscaling_target", target, "resource_id"),
        scalable_dimension: ref("aws_appautoscaling_target", target, "scalable_dimension"),
        service_namespace: ref("aws_appautoscaling_target", target, "service_namespace"),
      });
    }
    const byMetric = Object.fromEntries(
      policies.map((p) => {
        const config = p.target_tracking_scaling_policy_configuration as Record<string, any>;
        return [config.predefined_metric_specification.predefined_metric_type, [p.name, config]];
      }),
    );
    expect(byMetric.ECSServiceAverageCPUUtilization).toEqual([
      "shop-prod-users-cpu",
      expect.objectContaining({ target_value: 70 }),
    ]);
    expect(byMetric.ECSServiceAverageMemoryUtilization).toEqual([
      "shop-prod-users-memory",
      expect.objectContaining({ target_value: 80 }),
    ]);
    expect(byMetric.ALBRequestCountPerTarget).toEqual([
      "shop-prod-users-requests",
      expect.objectContaining({
        target_value: 1000,
        predefined_metric_specification: {
          predefined_metric_type: "ALBRequestCountPerTarget",
          resource_label: "app/shop-prod/abc123/targetgroup/shop-prod-users/def456",
        },
      }),
    ]);
  });

  it("scales out after a minute and in after five", () => {
    for (const [, policy] of policiesOf(synthScaled(), "users")) {
      expect(policy.target_tracking_scaling_policy_configuration).toMatchObject({
        scale_out_cooldown: 60,
        scale_in_cooldown: 300,
        disable_scale_in: false,
      });
    }
  });

  it("creates only the policies whose target is set", () => {
    const synth = synthEcsModule({
      services: [
        ecsService({ ...USERS, scaling: { minCount: 1, maxCount: 3, memoryTargetPercent: 75 } }),
      ],
    });
    expect(policiesOf(synth, "users").map(([, p]) => p.name)).toEqual(["shop-prod-users-memory"]);
  });

  it("leaves desired_count to the autoscaler on a scaled service, and only there", () => {
    const synth = synthScaled();
    expect(synth.resourceAt("aws_ecs_service", "service-users").lifecycle).toEqual({
      ignore_changes: ["desired_count"],
    });
    expect(synth.resourceAt("aws_ecs_service", "service-users").desired_count).toBe(2);
    expect(synth.resourceAt("aws_ecs_service", "service-products").lifecycle).toBeUndefined();
    expect(policiesOf(synth, "products")).toHaveLength(0);
  });

  it("refuses request-count scaling without the load balancer and target group to count", () => {
    expect(() =>
      synthScope((scope) => {
        new ServiceAutoscaling(scope, "scaling", {
          clusterName: "c",
          serviceName: "s",
          policyNamePrefix: "shop-prod-s",
          scaling: { minCount: 1, maxCount: 2, requestsPerTarget: 100 },
        });
      }),
    ).toThrow(/requestsPerTarget needs requestCountResourceLabel/);
  });

  it("refuses bounds in the wrong order", () => {
    expect(() =>
      synthScope((scope) => {
        new ServiceAutoscaling(scope, "scaling", {
          clusterName: "c",
          serviceName: "s",
          policyNamePrefix: "shop-prod-s",
          scaling: { minCount: 3, maxCount: 2, cpuTargetPercent: 70 },
        });
      }),
    ).toThrow("scaling minCount 3 is above maxCount 2; lower minCount or raise maxCount");
  });
});
