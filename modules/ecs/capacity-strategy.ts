import type { EcsServiceCapacityProviderStrategy } from "@cdktf/provider-aws/lib/ecs-service";

/** The capacity providers every cluster of this module offers. */
export const FARGATE_CAPACITY_PROVIDERS = ["FARGATE", "FARGATE_SPOT"] as const;

/** How a service's tasks are spread: the first `onDemandBase` on Fargate, the rest by weight. */
export interface CapacitySplit {
  /** Tasks that always run on on-demand Fargate. */
  readonly onDemandBase: number;
  /** Share of the tasks above the base on on-demand Fargate. */
  readonly onDemandWeight: number;
  /** Share of the tasks above the base on Fargate Spot; 0 leaves Spot out. */
  readonly spotWeight: number;
}

/**
 * The capacity provider strategy of a split. Only Fargate carries the base (ECS allows a base on
 * one provider only); Spot is left out when its weight is 0. ECS refuses a strategy whose weights
 * are all 0, so such a split is refused here too.
 */
export function capacityProviderStrategy(
  split: CapacitySplit,
): EcsServiceCapacityProviderStrategy[] {
  if (split.onDemandWeight <= 0 && split.spotWeight <= 0) {
    throw new Error(
      "capacity split has no weight above 0; give onDemandWeight or spotWeight a positive weight",
    );
  }
  return [
    { capacityProvider: "FARGATE", base: split.onDemandBase, weight: split.onDemandWeight },
    ...(split.spotWeight > 0
      ? [{ capacityProvider: "FARGATE_SPOT", weight: split.spotWeight }]
      : []),
  ];
}
