import { PRICE_TABLE_FILE, PriceTable, type PriceTableFile } from "../../lib/cost/price-table";
import { readFileSync } from "node:fs";

/**
 * The committed table's prices, each replaced by a distinct round figure (1, 2, 3… in key order)
 * in the given regions: arithmetic tests read the figure they expect from the table, and a price
 * read under the wrong key shows.
 */
export function distinctPrices(regions: readonly string[]): PriceTable {
  const real = JSON.parse(readFileSync(PRICE_TABLE_FILE, "utf8")) as PriceTableFile;
  const prices = Object.fromEntries(
    Object.keys(real.prices)
      .sort()
      .map((key, i) => [
        key,
        { ...real.prices[key], regions: Object.fromEntries(regions.map((r) => [r, i + 1])) },
      ]),
  );
  return new PriceTable({ ...real, prices }, "fixture-prices.json");
}
