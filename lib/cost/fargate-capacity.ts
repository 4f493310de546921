/** One entry of an ECS service's capacity provider strategy. */
export interface CapacityProviderShare {
  readonly provider: string;
  readonly base: number;
  readonly weight: number;
}

/**
 * How many of `tasks` run on Fargate Spot: ECS places the first `base` tasks on their provider,
 * then the rest in proportion to the weights.
 */
export function spotTasks(tasks: number, strategy: readonly CapacityProviderShare[]): number {
  if (strategy.length === 0) return 0;
  let remaining = tasks;
  let spot = 0;
  for (const share of strategy) {
    const placed = Math.min(remaining, share.base);
    if (share.provider === "FARGATE_SPOT") spot += placed;
    remaining -= placed;
  }
  const totalWeight = strategy.reduce((sum, s) => sum + s.weight, 0);
  if (totalWeight === 0) return spot;
  const spotWeight = strategy
    .filter((s) => s.provider === "FARGATE_SPOT")
    .reduce((sum, s) => sum + s.weight, 0);
  return spot + (remaining * spotWeight) / totalWeight;
}
