import { ResourceIndex, type StackDocument } from "../synthesized/stack-resources";
import type { UsageAssumptions } from "./assumptions";
import { serviceTaskCounts, type ServiceTasks } from "./compute-pricing";
import { estimateStack, type CostEstimate } from "./estimate";
import type { PriceTable } from "./price-table";

export const NAT_STRATEGIES = ["one-per-az", "single", "none"] as const;
export type NatStrategyName = (typeof NAT_STRATEGIES)[number];

/** An environment's stack as synthesized with another NAT strategy. */
export interface NatVariant {
  readonly strategy: NatStrategyName;
  readonly stack: StackDocument;
  /** The interface endpoints that variant has (without NAT, the tasks need them). */
  readonly interfaceEndpoints: readonly string[];
}

export interface NatStrategyCost {
  readonly strategy: NatStrategyName;
  readonly configured: boolean;
  /** USD per month at desired task counts. */
  readonly total: number;
  readonly interfaceEndpoints: readonly string[];
}

/** Everything `npm run cost` says about one environment. */
export interface EnvironmentCost {
  readonly environment: string;
  readonly region: string;
  readonly tasks: readonly ServiceTasks[];
  readonly desired: CostEstimate;
  readonly minimum: CostEstimate;
  readonly natStrategies: readonly NatStrategyCost[];
}

export function environmentCost(
  environment: string,
  stack: StackDocument,
  configuredStrategy: NatStrategyName,
  variants: readonly NatVariant[],
  prices: PriceTable,
  usage: UsageAssumptions,
): EnvironmentCost {
  const desired = estimateStack(environment, stack, prices, usage, "desired");
  const minimum = estimateStack(environment, stack, prices, usage, "minimum");
  const natStrategies = variants.map((variant) => ({
    strategy: variant.strategy,
    configured: variant.strategy === configuredStrategy,
    total:
      variant.strategy === configuredStrategy
        ? desired.total
        : estimateStack(environment, variant.stack, prices, usage, "desired").total,
    interfaceEndpoints: variant.interfaceEndpoints,
  }));
  return {
    environment,
    region: desired.region,
    tasks: serviceTaskCounts({ stack, index: new ResourceIndex(stack), prices, usage }),
    desired,
    minimum,
    natStrategies,
  };
}
