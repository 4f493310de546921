import type { ConfigProblem } from "../problems";
import type { Check } from "./check";

/**
 * ECS places tasks above the base only on capacity providers with a weight above 0; with both
 * weights 0 it refuses the strategy when the service is created. The defaults always have a
 * positive spotWeight, so when both are 0 spotWeight was written as 0: that is where it is reported.
 */
export const checkCapacityWeights: Check = ({ environments }) =>
  environments.flatMap((env): ConfigProblem[] => {
    const { onDemandWeight, spotWeight } = env.compute;
    if (onDemandWeight > 0 || spotWeight > 0) return [];
    return [
      {
        file: env.file,
        path: "$.compute.spotWeight",
        message:
          "0 with onDemandWeight 0 leaves ECS no capacity provider to place tasks on beyond the base; expected spotWeight above 0, or onDemandWeight above 0 to run on demand only",
      },
    ];
  });
