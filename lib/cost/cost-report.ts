import { code, markdownTable } from "../markdown-table";
import { ASSUMPTIONS, type AssumptionName, type UsageAssumptions } from "./assumptions";
import type { EnvironmentCost } from "./environment-cost";
import { totalsByModule } from "./estimate";
import type { LineItem } from "./line-item";
import type { PriceTable } from "./price-table";

export function usd(amount: number): string {
  return `$${amount.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

function unitPrice(amount: number): string {
  return `$${Number(amount.toPrecision(4)).toString()}`;
}

function quantity(amount: number): string {
  return Number.isInteger(amount)
    ? amount.toLocaleString("en-US")
    : Number(amount.toFixed(3)).toString();
}

/** Where the prices come from and how old their sources are, in one line. */
export function priceTableLine(
  prices: PriceTable,
  costs: readonly EnvironmentCost[],
  file: string,
): string {
  const keys = costs.flatMap((c) => c.desired.items.flatMap((i) => i.prices));
  const dates = prices.sourceDates(keys);
  const range =
    dates.length > 1 ? `${dates[0]} to ${dates[dates.length - 1]}` : (dates[0] ?? "none");
  return `prices: ${file}, compiled ${prices.data.compiled} (sources dated ${range})`;
}

function key(item: LineItem): string {
  return `${item.resource}\u0000${item.description}`;
}

function pad(text: string, width: number, right = false): string {
  return right ? text.padStart(width) : text.padEnd(width);
}

/** The on-screen report: assumptions, then per environment its line items by module. */
export function textReport(
  costs: readonly EnvironmentCost[],
  usage: UsageAssumptions,
  prices: PriceTable,
  priceFile: string,
): string {
  const lines: string[] = [
    `Monthly AWS cost estimate in ${prices.data.currency}; ${priceTableLine(prices, costs, priceFile)}`,
    "",
  ];
  lines.push("Assumptions (override with --assume name=value or --assumptions file.json):");
  for (const name of Object.keys(ASSUMPTIONS) as AssumptionName[]) {
    lines.push(`  ${pad(name, 36)}${pad(String(usage[name]), 8, true)}  ${ASSUMPTIONS[name].note}`);
  }
  for (const cost of costs) {
    lines.push("", `== ${cost.environment} (${cost.region}) ==`);
    for (const t of cost.tasks) {
      lines.push(
        `tasks: ${t.service} ${quantity(t.desired)} at desired (${quantity(t.spotAtDesired)} on Spot), ${quantity(t.minimum)} at minimum (${quantity(t.spotAtMinimum)} on Spot)`,
      );
    }
    const atMinimum = new Map(cost.minimum.items.map((i) => [key(i), i.monthly]));
    const header = `${pad("module / resource: item", 70)}${pad("quantity", 12, true)}  ${pad("unit", 26)}${pad("unit price", 11, true)}${pad("desired", 12, true)}${pad("minimum", 12, true)}`;
    lines.push("", header, "-".repeat(header.length));
    const modules = totalsByModule(cost.desired.items);
    const minimumModules = totalsByModule(cost.minimum.items);
    for (const [module, total] of modules) {
      lines.push(
        `${pad(module, 70 + 12 + 2 + 26 + 11)}${pad(usd(total), 12, true)}${pad(usd(minimumModules.get(module) ?? 0), 12, true)}`,
      );
      for (const i of cost.desired.items.filter((item) => item.module === module)) {
        const label = `  ${i.resource.split("/").slice(2).join("/") || i.resource}: ${i.description}`;
        lines.push(
          `${pad(label.length > 69 ? `${label.slice(0, 68)}…` : label, 70)}${pad(quantity(i.quantity), 12, true)}  ${pad(i.unit.slice(0, 25), 26)}${pad(unitPrice(i.unitPrice), 11, true)}${pad(usd(i.monthly), 12, true)}${pad(usd(atMinimum.get(key(i)) ?? 0), 12, true)}`,
        );
      }
    }
    lines.push("-".repeat(header.length));
    lines.push(
      `${pad("total per month", 70 + 12 + 2 + 26 + 11)}${pad(usd(cost.desired.total), 12, true)}${pad(usd(cost.minimum.total), 12, true)}`,
    );
    lines.push(
      "",
      `NAT strategies (at desired counts): ${cost.natStrategies
        .map(
          (n) =>
            `${n.strategy} ${usd(n.total)}${n.configured ? " (configured)" : ""}${n.strategy === "none" ? ` [interface endpoints: ${n.interfaceEndpoints.join(", ")}]` : ""}`,
        )
        .join(" | ")}`,
    );
    if (cost.desired.notEstimated.length > 0) {
      lines.push(
        `not estimated: ${cost.desired.notEstimated.map((n) => `${n.type} ×${n.count}`).join(", ")}`,
      );
    }
  }
  return `${lines.join("\n")}\n`;
}

/** The README's block: totals per environment, the NAT strategies side by side, and modules. */
export function readmeCostBlock(
  costs: readonly EnvironmentCost[],
  prices: PriceTable,
  priceFile: string,
): string {
  const strategyCell = (cost: EnvironmentCost, strategy: string) => {
    const found = cost.natStrategies.find((n) => n.strategy === strategy);
    return found ? `${usd(found.total)}${found.configured ? " (configured)" : ""}` : "n/a";
  };
  const totals = markdownTable(
    [
      "Environment",
      "Region",
      { title: "At desired task counts", align: "right" },
      { title: "At minimum task counts", align: "right" },
      { title: "NAT one per AZ", align: "right" },
      { title: "NAT single", align: "right" },
      { title: "No NAT (endpoints)", align: "right" },
    ],
    costs.map((c) => [
      c.environment,
      c.region,
      usd(c.desired.total),
      usd(c.minimum.total),
      strategyCell(c, "one-per-az"),
      strategyCell(c, "single"),
      strategyCell(c, "none"),
    ]),
  );
  const moduleNames = [
    ...new Set(costs.flatMap((c) => [...totalsByModule(c.desired.items).keys()])),
  ].sort();
  const byModule = markdownTable(
    ["Module", ...costs.map((c) => ({ title: c.environment, align: "right" as const }))],
    moduleNames.map((m) => [
      code(m),
      ...costs.map((c) => usd(totalsByModule(c.desired.items).get(m) ?? 0)),
    ]),
  );
  return [
    `Monthly estimate in USD, ${priceTableLine(prices, costs, code(priceFile))}. NAT columns: the whole environment with that NAT strategy, at desired task counts.`,
    totals,
    "By module, at desired task counts:",
    byModule,
  ].join("\n\n");
}

/** The machine-readable report (`--json`). */
export function jsonReport(
  costs: readonly EnvironmentCost[],
  usage: UsageAssumptions,
  prices: PriceTable,
  priceFile: string,
): unknown {
  return {
    currency: prices.data.currency,
    priceTable: { file: priceFile, compiled: prices.data.compiled },
    assumptions: usage,
    environments: costs,
  };
}
