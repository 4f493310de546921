// `npm run cost`: a monthly cost estimate per environment, from the synthesized stacks and the
// committed price table. `npm run cost -- --help` lists the options.
import { readFileSync, writeFileSync } from "node:fs";
import { relative } from "node:path";
import { neededEndpoints } from "../config/checks/egress";
import type { EnvironmentConfig } from "../config/model";
import { withOverrides, type UsageAssumptions } from "../lib/cost/assumptions";
import { readmeCostBlock, jsonReport, textReport } from "../lib/cost/cost-report";
import {
  environmentCost,
  NAT_STRATEGIES,
  type EnvironmentCost,
  type NatVariant,
} from "../lib/cost/environment-cost";
import { MissingPriceError, PRICE_TABLE_FILE, PriceTable } from "../lib/cost/price-table";
import { readmeWithBlock } from "../lib/readme-block";
import { exitOnError } from "../stacks/error-report";
import { synthesizeEnvironments, synthesizeVariant } from "./synthesized-environments";

export const COST_BLOCK = { name: "cost", command: "npm run cost -- --readme" };

const HELP = `npm run cost -- [options]

A monthly AWS cost estimate for each environment, from its synthesized stack and the price table
in lib/cost/aws-prices.json (each price with its source and date). Line items are grouped by
module, at each service's desired and minimum task counts; the NAT strategies are compared side
by side. Usage the stacks cannot tell (traffic, stored data, logs) comes from the assumptions
printed first.

Options:
  --env NAME, --stack NAME   only this environment (repeatable)
  --json                     machine-readable output (for CI)
  --assume NAME=VALUE        override one assumption (repeatable)
  --assumptions FILE         override assumptions from a JSON object
  --readme                   write the per-environment table into README.md
  --help                     this text`;

interface Options {
  readonly environments: readonly string[];
  readonly json: boolean;
  readonly readme: boolean;
  readonly help: boolean;
  readonly usage: UsageAssumptions;
}

export function parseOptions(argv: readonly string[]): Options {
  const environments: string[] = [];
  const overrides: Record<string, unknown> = {};
  let json = false;
  let readme = false;
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const next = argv[++i];
      if (next === undefined) throw new Error(`${arg} needs a value; see --help`);
      return next;
    };
    if (arg === "--env" || arg === "--stack") environments.push(value());
    else if (arg === "--json") json = true;
    else if (arg === "--readme") readme = true;
    else if (arg === "--help" || arg === "-h") help = true;
    else if (arg === "--assume") {
      const [name, ...rest] = value().split("=");
      overrides[name] = rest.join("=");
    } else if (arg === "--assumptions") {
      Object.assign(overrides, JSON.parse(readFileSync(value(), "utf8")) as object);
    } else throw new Error(`unknown option ${arg}; see --help`);
  }
  return { environments, json, readme, help, usage: withOverrides(overrides) };
}

function natVariants(
  root: string,
  env: EnvironmentConfig,
  stack: NatVariant["stack"],
): NatVariant[] {
  return NAT_STRATEGIES.map((strategy) => {
    // Without NAT the tasks reach AWS only through interface endpoints: those they need.
    const interfaceEndpoints =
      strategy === "none"
        ? [...new Set([...env.vpc.interfaceEndpoints, ...neededEndpoints(env)])]
        : [...env.vpc.interfaceEndpoints];
    const variant = { ...env, vpc: { ...env.vpc, natStrategy: strategy, interfaceEndpoints } };
    return {
      strategy,
      interfaceEndpoints,
      stack: strategy === env.vpc.natStrategy ? stack : synthesizeVariant(root, variant),
    };
  });
}

/** Each selected environment's estimate, from a fresh synthesis of the project under root. */
export function environmentCosts(
  root: string,
  usage: UsageAssumptions,
  prices: PriceTable,
  only: readonly string[] = [],
): EnvironmentCost[] {
  const environments = synthesizeEnvironments(root);
  const unknown = only.filter((name) => !environments.some((e) => e.config.name === name));
  if (unknown.length > 0) {
    const known = environments.map((e) => e.config.name).join(", ");
    throw new Error(`no environment ${unknown.join(", ")}; the environments are ${known}`);
  }
  return environments
    .filter((e) => only.length === 0 || only.includes(e.config.name))
    .map(({ config, document }) =>
      environmentCost(
        config.name,
        document,
        config.vpc.natStrategy,
        natVariants(root, config, document),
        prices,
        usage,
      ),
    );
}

/** The README with its cost block as the configuration gives it, at the default assumptions. */
export function costReadme(root: string, usage: UsageAssumptions) {
  const prices = PriceTable.load();
  const costs = environmentCosts(root, usage, prices);
  return readmeWithBlock(root, COST_BLOCK, readmeCostBlock(costs, prices, priceFileName(root)));
}

function priceFileName(root: string): string {
  return relative(root, PRICE_TABLE_FILE);
}

function main(): void {
  const options = parseOptions(process.argv.slice(2));
  if (options.help) {
    console.log(HELP);
    return;
  }
  const root = process.cwd();
  if (options.readme) {
    const readme = costReadme(root, options.usage);
    if (readme.expected !== readme.current) writeFileSync(readme.path, readme.expected);
    console.log(
      `README.md cost table ${readme.expected === readme.current ? "already current" : "written"}`,
    );
    return;
  }
  const prices = PriceTable.load();
  const costs = environmentCosts(root, options.usage, prices, options.environments);
  const file = priceFileName(root);
  if (options.json) {
    console.log(JSON.stringify(jsonReport(costs, options.usage, prices, file), null, 2));
  } else {
    process.stdout.write(textReport(costs, options.usage, prices, file));
  }
}

if (require.main === module) {
  exitOnError(() => {
    try {
      main();
    } catch (error) {
      if (
        error instanceof MissingPriceError ||
        (error instanceof Error && error.constructor === Error)
      ) {
        console.error(`npm run cost: ${error.message}`);
        process.exit(1);
      }
      throw error;
    }
  });
}
