import { ResourceIndex, stackRegion, type StackDocument } from "../synthesized/stack-resources";
import type { UsageAssumptions } from "./assumptions";
import { clusterPricer, fargatePricer } from "./compute-pricing";
import {
  backupPricer,
  bucketPricer,
  databasePricer,
  repositoryPricer,
  tablePricer,
} from "./data-pricing";
import { FREE_RESOURCE_TYPES } from "./free-resources";
import type { LineItem, Pricer, PricingContext, TaskCount } from "./line-item";
import {
  elasticIpPricer,
  loadBalancerPricer,
  natGatewayPricer,
  vpcEndpointPricer,
  webAclPricer,
} from "./network-pricing";
import { alarmPricer, dashboardPricer, kmsKeyPricer, logGroupPricer } from "./operations-pricing";
import type { PriceTable } from "./price-table";

const PRICERS: readonly Pricer[] = [
  fargatePricer,
  clusterPricer,
  natGatewayPricer,
  elasticIpPricer,
  vpcEndpointPricer,
  loadBalancerPricer,
  webAclPricer,
  databasePricer,
  tablePricer,
  bucketPricer,
  repositoryPricer,
  backupPricer,
  logGroupPricer,
  alarmPricer,
  dashboardPricer,
  kmsKeyPricer,
];

export interface CostEstimate {
  readonly stack: string;
  /** The stack's own region (its default provider's). */
  readonly region: string;
  readonly taskCount: TaskCount;
  readonly items: readonly LineItem[];
  /** USD per month. */
  readonly total: number;
  /** Resource types with a cost the estimate does not model, with how many the stack has. */
  readonly notEstimated: readonly { readonly type: string; readonly count: number }[];
}

/** A stack's monthly cost: every resource priced by the pricer of its type, in construct order. */
export function estimateStack(
  stackName: string,
  stack: StackDocument,
  prices: PriceTable,
  usage: UsageAssumptions,
  taskCount: TaskCount,
): CostEstimate {
  const index = new ResourceIndex(stack);
  const context: PricingContext = { stack, index, prices, usage, taskCount };
  const items: LineItem[] = [];
  const unpriced = new Map<string, number>();
  for (const resource of index.all) {
    const pricer = PRICERS.find((p) => p.types.includes(resource.type));
    if (pricer) items.push(...pricer.price(context, resource));
    else if (!FREE_RESOURCE_TYPES.has(resource.type)) {
      unpriced.set(resource.type, (unpriced.get(resource.type) ?? 0) + 1);
    }
  }
  return {
    stack: stackName,
    region: stackRegion(stack),
    taskCount,
    items,
    total: items.reduce((sum, i) => sum + i.monthly, 0),
    notEstimated: [...unpriced]
      .map(([type, count]) => ({ type, count }))
      .sort((a, b) => a.type.localeCompare(b.type)),
  };
}

/** Monthly totals per module, in the order modules first appear. */
export function totalsByModule(items: readonly LineItem[]): Map<string, number> {
  const totals = new Map<string, number>();
  for (const i of items) totals.set(i.module, (totals.get(i.module) ?? 0) + i.monthly);
  return totals;
}
