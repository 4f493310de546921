import { readFileSync } from "node:fs";
import { isAbsolute, join, relative } from "node:path";

/** Where a price was read, and what the date attached to it means. */
export interface PriceSource {
  /** AWS's pricing page for the service. */
  readonly official: string;
  /** The stored page that showed the figure. */
  readonly evidence: string;
  readonly date: string;
  readonly dateMeaning: string;
}

export interface Price {
  readonly unit: string;
  /** Key of `sources`. */
  readonly source: string;
  /** USD per unit, by region. */
  readonly regions: Readonly<Record<string, number>>;
  readonly note?: string;
}

export interface PriceTableFile {
  /** When the table was compiled (YYYY-MM-DD). */
  readonly compiled: string;
  readonly currency: string;
  readonly sources: Readonly<Record<string, PriceSource>>;
  readonly prices: Readonly<Record<string, Price>>;
}

export const PRICE_TABLE_FILE = join(__dirname, "aws-prices.json");
const PROJECT_ROOT = join(__dirname, "..", "..");

/** A price the table lacks, for a region or at all: the estimate cannot be made. */
export class MissingPriceError extends Error {}

/** The committed price table, with the file it came from for error messages. */
export class PriceTable {
  constructor(
    readonly data: PriceTableFile,
    readonly file: string,
  ) {}

  static load(file: string = PRICE_TABLE_FILE): PriceTable {
    return new PriceTable(JSON.parse(readFileSync(file, "utf8")) as PriceTableFile, file);
  }

  /** The file as the project names it (lib/cost/aws-prices.json). */
  private displayFile(): string {
    return isAbsolute(this.file) ? relative(PROJECT_ROOT, this.file) : this.file;
  }

  /** USD per unit of `key` in `region`; throws naming the region, the price and the file. */
  price(key: string, region: string): number {
    const entry = this.data.prices[key];
    if (!entry) {
      throw new MissingPriceError(
        `${this.displayFile()} has no price "${key}"; add it, with its source and date`,
      );
    }
    const value = entry.regions[region];
    if (value === undefined) {
      const covered = Object.keys(entry.regions).sort().join(", ");
      throw new MissingPriceError(
        `${this.displayFile()} does not cover region ${region}: no "${key}" price there (it has ${covered}); add the ${region} figure with its source and date`,
      );
    }
    return value;
  }

  unit(key: string): string {
    return this.data.prices[key]?.unit ?? "";
  }

  /** The dates of the sources the given prices come from, oldest first. */
  sourceDates(keys: Iterable<string>): string[] {
    const dates = new Set<string>();
    for (const key of keys) {
      const source = this.data.sources[this.data.prices[key]?.source ?? ""];
      if (source) dates.add(source.date);
    }
    return [...dates].sort();
  }
}
