import type { UsageAssumptions } from "./assumptions";
import type { PriceTable } from "./price-table";
import {
  resourceRegion,
  type ResourceIndex,
  type StackDocument,
  type SynthesizedResource,
} from "../synthesized/stack-resources";

/** One charge of an estimate: a quantity of a unit at a unit price, for one resource. */
export interface LineItem {
  /** The construct below the stack the resource belongs to (the module instance), e.g. `vpc`. */
  readonly module: string;
  /** The resource's construct path. */
  readonly resource: string;
  readonly description: string;
  readonly quantity: number;
  readonly unit: string;
  /** USD per unit. */
  readonly unitPrice: number;
  /** USD per month: quantity × unit price. */
  readonly monthly: number;
  /** The keys of the price table this item uses. */
  readonly prices: readonly string[];
  readonly region: string;
}

/** Whether tasks are counted at each service's desired count or at its autoscaling minimum. */
export type TaskCount = "desired" | "minimum";

/** What every pricer reads: the stack, its resources, the prices and the assumptions. */
export interface PricingContext {
  readonly stack: StackDocument;
  readonly index: ResourceIndex;
  readonly prices: PriceTable;
  readonly usage: UsageAssumptions;
  readonly taskCount: TaskCount;
}

/** A line item for `resource`: `quantity` units of one price of the table, in its region. */
export function priced(
  context: PricingContext,
  resource: SynthesizedResource,
  description: string,
  quantity: number,
  priceKey: string,
  unit: string = context.prices.unit(priceKey),
): LineItem {
  const region = resourceRegion(context.stack, resource);
  const unitPrice = context.prices.price(priceKey, region);
  return item(resource, region, description, quantity, unit, unitPrice, [priceKey]);
}

export function item(
  resource: SynthesizedResource,
  region: string,
  description: string,
  quantity: number,
  unit: string,
  unitPrice: number,
  prices: readonly string[],
): LineItem {
  return {
    module: resource.module,
    resource: resource.path,
    description,
    quantity,
    unit,
    unitPrice,
    monthly: quantity * unitPrice,
    prices,
    region,
  };
}

/** Prices the resources of the types it declares. */
export interface Pricer {
  readonly types: readonly string[];
  price(context: PricingContext, resource: SynthesizedResource): LineItem[];
}
