// `npm run bench:offline-plan`: the figures of docs/offline-plan.md. Measures locating the
// provider mirror (well-known places, and the bounded filesystem search on its own), starting
// and stopping the emulators, and warm `npm run plan` runs with one and with two stacks at once.
// Medians of --runs runs (default 3) after one warm-up run.
import { homedir } from "node:os";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { startEmulators } from "../lib/emulators";
import { planAllStacksOffline, type OfflinePlanReport } from "../lib/offline-plan/plan-all";
import { stackProviderRequirements } from "../lib/offline-plan/stack-requirements";
import { readSynthesizedStacks } from "../lib/offline-plan/synthesized-stack";
import { locateProviderMirrors, searchMirrorDirs } from "../lib/terraform-cli/mirror-location";
import { terraformPlatform } from "../lib/terraform-cli/provider-mirror";
import { synthesize } from "../main";
import { reportError } from "../stacks/error-report";

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

async function timed(task: () => unknown): Promise<number> {
  const started = performance.now();
  await task();
  return performance.now() - started;
}

async function repeat(runs: number, task: () => unknown): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(await timed(task));
  return median(times);
}

const ms = (value: number): string => `${value.toFixed(value < 10 ? 1 : 0)} ms`;
const s = (value: number): string => `${(value / 1000).toFixed(1)} s`;

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { runs: { type: "string", default: "3" } } });
  const runs = Number(values.runs);
  const root = process.cwd();
  const outdir = resolve(root, "cdktf.out");
  synthesize(root, outdir);
  const stacks = readSynthesizedStacks(outdir);
  const requirements = stackProviderRequirements(stacks);
  const search = { env: process.env, home: homedir(), platform: terraformPlatform() };
  const hostnames = new Set(requirements.map((r) => r.address.hostname));

  const rows: [string, string][] = [];
  rows.push([
    "locate the mirror (well-known places)",
    ms(await repeat(runs, () => locateProviderMirrors(requirements, search))),
  ]);
  rows.push([
    "bounded filesystem search alone (/ to depth 4)",
    ms(await repeat(runs, () => searchMirrorDirs(["/"], hostnames, 4))),
  ]);
  rows.push([
    "start, provision and stop the emulators",
    ms(
      await repeat(runs, async () => {
        const emulators = await startEmulators();
        await emulators.provisionStateStores({
          buckets: ["bench-state"],
          lockTables: ["bench-locks"],
        });
        await emulators.stop();
      }),
    ),
  ]);

  // As `npm run plan` runs them: each saved plan also read as JSON for the report.
  const plan = (jobs?: number) => planAllStacksOffline({ root, outdir, jobs, showJson: true });
  await plan(); // warm-up: plugin cache and working directories
  for (const jobs of [1, 2]) {
    const reports: OfflinePlanReport[] = [];
    for (let i = 0; i < runs; i++) reports.push(await plan(jobs));
    const failed = reports.flatMap((r) => r.plans).find((p) => !p.ok);
    if (failed) throw new Error(`${failed.stack}: ${failed.error}`);
    rows.push([
      `plan every stack, --jobs ${jobs} (wall)`,
      s(median(reports.map((r) => r.totalMs))),
    ]);
    for (const stack of stacks) {
      const plans = reports.map((r) => r.plans.find((p) => p.stack === stack.name));
      rows.push([
        `  ${stack.name}: init / plan / show, --jobs ${jobs}`,
        [
          plans.map((p) => p?.initMs ?? 0),
          plans.map((p) => p?.planMs ?? 0),
          plans.map((p) => p?.showMs ?? 0),
        ]
          .map((times) => s(median(times)))
          .join(" / "),
      ]);
    }
  }

  console.log(`| step (median of ${runs}) | time |\n| --- | --- |`);
  for (const [step, time] of rows) console.log(`| ${step} | ${time} |`);
}

main().catch((error: unknown) => {
  reportError(error, "nothing measured");
  process.exit(1);
});
