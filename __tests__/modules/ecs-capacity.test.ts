import { capacityProviderStrategy } from "../../modules/ecs/capacity-strategy";
import { synthEcsModule } from "../support/ecs-fixture";
import { logicalId, ref } from "../support/synth";

describe("capacityProviderStrategy", () => {
  it("puts the base on Fargate and splits the rest by weight", () => {
    expect(capacityProviderStrategy({ onDemandBase: 2, onDemandWeight: 3, spotWeight: 1 })).toEqual(
      [
        { capacityProvider: "FARGATE", base: 2, weight: 3 },
        { capacityProvider: "FARGATE_SPOT", weight: 1 },
      ],
    );
  });

  it("keeps a Fargate base with weight 0 when everything above it goes to Spot", () => {
    expect(capacityProviderStrategy({ onDemandBase: 1, onDemandWeight: 0, spotWeight: 1 })).toEqual(
      [
        { capacityProvider: "FARGATE", base: 1, weight: 0 },
        { capacityProvider: "FARGATE_SPOT", weight: 1 },
      ],
    );
  });

  it("leaves Spot out when its weight is 0", () => {
    expect(capacityProviderStrategy({ onDemandBase: 0, onDemandWeight: 1, spotWeight: 0 })).toEqual(
      [{ capacityProvider: "FARGATE", base: 0, weight: 1 }],
    );
  });

  it("refuses a split with no weight above 0, which ECS would refuse at apply time", () => {
    expect(() =>
      capacityProviderStrategy({ onDemandBase: 1, onDemandWeight: 0, spotWeight: 0 }),
    ).toThrow(/no weight above 0; give onDemandWeight or spotWeight a positive weight/);
  });
});

describe("EcsModule capacity providers", () => {
  const split = { onDemandBase: 1, onDemandWeight: 0, spotWeight: 1 };

  it("associates Fargate and Fargate Spot with the cluster, with the split as its default", () => {
    const synth = synthEcsModule({ capacity: split });
    expect(synth.resource("aws_ecs_cluster_capacity_providers")).toMatchObject({
      cluster_name: ref("aws_ecs_cluster", logicalId(synth, "aws_ecs_cluster", "cluster"), "name"),
      capacity_providers: ["FARGATE", "FARGATE_SPOT"],
      default_capacity_provider_strategy: [
        { capacity_provider: "FARGATE", base: 1, weight: 0 },
        { capacity_provider: "FARGATE_SPOT", weight: 1 },
      ],
    });
  });

  it("gives every service the strategy instead of a launch type, updatable in place", () => {
    const synth = synthEcsModule({ capacity: split });
    for (const service of Object.values(synth.resources("aws_ecs_service"))) {
      expect(service.launch_type).toBeUndefined();
      expect(service.capacity_provider_strategy).toEqual([
        { capacity_provider: "FARGATE", base: 1, weight: 0 },
        { capacity_provider: "FARGATE_SPOT", weight: 1 },
      ]);
      expect(service.force_new_deployment).toBe(true);
      expect(service.depends_on).toContain(
        `aws_ecs_cluster_capacity_providers.${logicalId(synth, "aws_ecs_cluster_capacity_providers", "capacity-providers")}`,
      );
    }
  });

  it("runs every task on demand when no split is given", () => {
    const synth = synthEcsModule();
    expect(synth.resourceAt("aws_ecs_service", "service-users").capacity_provider_strategy).toEqual(
      [{ capacity_provider: "FARGATE", base: 0, weight: 1 }],
    );
  });
});
