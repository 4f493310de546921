import { execFileSync } from "node:child_process";
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { DEFAULT_ASSUMPTIONS } from "../../lib/cost/assumptions";
import { estimateStack, type CostEstimate } from "../../lib/cost/estimate";
import type { LineItem } from "../../lib/cost/line-item";
import { PriceTable } from "../../lib/cost/price-table";
import { costReadme } from "../../scripts/cost";
import { synthesizeEnvironments } from "../../scripts/synthesized-environments";
import { fixtureProjectCopy, REPO_ROOT } from "../support/temp-project";

const FIXTURE_PROJECT = join(__dirname, "..", "fixtures", "cost-project");
const prices = PriceTable.load();

/** A copy of the fixture project, with a second service when `withBeta`. */
function project(withBeta: boolean): string {
  const root = fixtureProjectCopy(FIXTURE_PROJECT);
  if (withBeta) {
    cpSync(join(root, "services", "alpha"), join(root, "services", "beta"), { recursive: true });
    const manifest = JSON.parse(readFileSync(join(root, "services/beta/service.json"), "utf8"));
    writeFileSync(
      join(root, "services/beta/service.json"),
      JSON.stringify({ ...manifest, name: "beta", port: 9001, routing: { pathPrefix: "/beta" } }),
    );
  }
  return root;
}

function estimateOf(root: string, taskCount: "desired" | "minimum"): CostEstimate {
  const [env] = synthesizeEnvironments(root);
  return estimateStack(env.config.name, env.document, prices, DEFAULT_ASSUMPTIONS, taskCount);
}

const key = (i: LineItem) => `${i.resource} ${i.description}`;

describe.each(["desired", "minimum"] as const)(
  "one more service, at %s task counts",
  (taskCount) => {
    const base = estimateOf(project(false), taskCount);
    const bigger = estimateOf(project(true), taskCount);
    const baseItems = new Map(base.items.map((i) => [key(i), i]));
    const added = bigger.items.filter((i) => !baseItems.has(key(i)));

    it("leaves every line item of the smaller project as it was", () => {
      for (const item of bigger.items.filter((i) => baseItems.has(key(i)))) {
        expect(item.monthly).toBeCloseTo(baseItems.get(key(item))!.monthly, 10);
      }
      expect(bigger.items.filter((i) => baseItems.has(key(i)))).toHaveLength(base.items.length);
    });

    it("adds only items of the new service's own resources, and costs exactly their sum more", () => {
      expect(added.length).toBeGreaterThan(0);
      for (const item of added) expect(item.resource).toMatch(/beta/);
      const sum = added.reduce((total, i) => total + i.monthly, 0);
      expect(bigger.total - base.total).toBeCloseTo(sum, 8);
    });

    it("prices the new service's tasks from its manifest: count × (vCPU + GB) × hours, Spot as the strategy says", () => {
      const manifest = JSON.parse(
        readFileSync(join(FIXTURE_PROJECT, "services/alpha/service.json"), "utf8"),
      );
      const env = JSON.parse(readFileSync(join(FIXTURE_PROJECT, "environments/solo.json"), "utf8"));
      const tasks = taskCount === "desired" ? manifest.desiredCount : manifest.scaling.minCount;
      const { onDemandBase, onDemandWeight, spotWeight } = env.compute;
      const spot = ((tasks - onDemandBase) * spotWeight) / (onDemandWeight + spotWeight);
      const taskHour =
        (manifest.cpu / 1024) * prices.price("fargate.vcpu-hour.x86_64", env.region) +
        (manifest.memory / 1024) * prices.price("fargate.gb-hour.x86_64", env.region);
      const hours = DEFAULT_ASSUMPTIONS.hoursPerMonth;
      const fargate = added.filter((i) => i.description.startsWith("Fargate"));
      const monthly = fargate.reduce((total, i) => total + i.monthly, 0);
      expect(monthly).toBeCloseTo(
        (tasks - spot) * hours * taskHour +
          spot * hours * taskHour * (1 - DEFAULT_ASSUMPTIONS.fargateSpotDiscount),
        8,
      );
    });
  },
);

describe("npm run cost", () => {
  let root: string;
  beforeAll(() => {
    root = fixtureProjectCopy(FIXTURE_PROJECT);
  });
  const run = (args: string[]) =>
    execFileSync(
      process.execPath,
      [
        "--require",
        join(REPO_ROOT, "scripts/register-ts.js"),
        join(REPO_ROOT, "scripts/cost.ts"),
        ...args,
      ],
      {
        cwd: root,
        encoding: "utf8",
      },
    );

  it("--json gives each environment's line items, totals and NAT strategies for CI", () => {
    const report = JSON.parse(run(["--json", "--env", "solo", "--assume", "egressGb=100"]));
    expect(report.assumptions.egressGb).toBe(100);
    const [env] = report.environments;
    expect(env.environment).toBe("solo");
    expect(env.natStrategies.map((n: any) => n.strategy)).toEqual(["one-per-az", "single", "none"]);
    expect(env.natStrategies.find((n: any) => n.configured).total).toBeCloseTo(
      env.desired.total,
      8,
    );
    expect(env.natStrategies.find((n: any) => n.strategy === "none").interfaceEndpoints).toEqual(
      expect.arrayContaining(["ecr.api", "ecr.dkr", "logs"]),
    );
  });

  it("prints the assumptions and the NAT strategies on screen, and --help its options", () => {
    const text = run([]);
    expect(text).toMatch(/hoursPerMonth\s+730/);
    expect(text).toMatch(
      /NAT strategies \(at desired counts\): one-per-az \$[\d,.]+ \| single \$[\d,.]+ \(configured\) \| none/,
    );
    expect(run(["--help"])).toContain("--assume NAME=VALUE");
  });
});

describe("the README's cost table", () => {
  it("is what npm run cost -- --readme writes for the configuration", () => {
    const readme = costReadme(REPO_ROOT, DEFAULT_ASSUMPTIONS);
    expect(readme.current).toBe(readme.expected);
  });
});
