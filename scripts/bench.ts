/**
 * Measures what synthesis costs against the floor the issue sets: a bare Node process that only
 * loads cdktf and the provider classes this project uses; then where a synthesis spends its time,
 * step by step. `npm run bench [-- --runs N]`. Prints Markdown and writes the same figures into
 * the README's Performance section, between its bench markers.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";

const ROOT = resolve(__dirname, "..");
const REPORT = join(__dirname, "bench", "report-usage.js");
const STEPS = join(__dirname, "bench", "synth-steps.ts");
const README = join(ROOT, "README.md");
const MARKERS = ["<!-- bench:synthesis:start -->", "<!-- bench:synthesis:end -->"] as const;
const BUDGET = 2;
const runsFlag = process.argv.indexOf("--runs");
const RUNS = runsFlag > 0 ? Number(process.argv[runsFlag + 1]) : 7;

/** Every `@cdktf/provider-aws/lib/<name>` module the project's sources import. */
function providerModulesUsed(): string[] {
  const found = new Set<string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (
        ["node_modules", "__tests__", "services", "cdktf.out"].includes(entry.name) ||
        entry.name.startsWith(".")
      )
        continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith(".ts")) {
        for (const match of readFileSync(path, "utf8").matchAll(
          /from "(@cdktf\/provider-aws\/lib\/[a-z0-9-]+)"/g,
        )) {
          found.add(match[1]);
        }
      }
    }
  };
  walk(ROOT);
  return [...found].sort();
}

interface Sample {
  readonly seconds: number;
  readonly cpuSeconds: number;
  readonly maxRssMb: number;
}

function run(args: string[], env: NodeJS.ProcessEnv = {}) {
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, ["--require", REPORT, ...args], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, CHECKPOINT_DISABLE: "1", ...env },
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (result.status !== 0) throw new Error(`${args.join(" ")} failed:\n${result.stderr}`);
  const usage = JSON.parse(result.stderr.trim().split("\n").pop()!);
  const sample: Sample = {
    seconds,
    cpuSeconds: usage.benchCpuMicros / 1e6,
    maxRssMb: usage.benchMaxRssKb / 1024,
  };
  return { sample, stdout: result.stdout };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/**
 * Runs every measurement once as a warm-up, then RUNS rounds of all of them in turn, so a load
 * that comes and goes on the machine falls on every series alike; the median of each.
 */
function interleaved(measurements: readonly { label: string; measure: () => Sample }[]) {
  for (const { measure } of measurements) measure();
  const samples = measurements.map(() => [] as Sample[]);
  for (let round = 0; round < RUNS; round++) {
    measurements.forEach(({ measure }, i) => samples[i].push(measure()));
  }
  return measurements.map(({ label }, i) => ({
    label,
    seconds: median(samples[i].map((s) => s.seconds)),
    cpuSeconds: median(samples[i].map((s) => s.cpuSeconds)),
    maxRssMb: median(samples[i].map((s) => s.maxRssMb)),
  }));
}

const LOAD_AT_START = loadavg()[0].toFixed(1);
const modules = providerModulesUsed();
const outdir = mkdtempSync(join(tmpdir(), "bench-synth-"));
const cacheDirs = ["register-ts", "schema-validators"].map((name) =>
  join(ROOT, "node_modules", ".cache", name),
);
const synthArgs = ["--require", "./scripts/register-ts.js", "main.ts"];
const synth = () => run(synthArgs, { CDKTF_OUTDIR: outdir }).sample;

const [node, baseline, warm, cold] = interleaved([
  { label: "bare Node: empty script", measure: () => run(["-e", "0"]).sample },
  {
    label: `bare Node: cdktf + ${modules.length} provider classes`,
    measure: () =>
      run(["-e", ["cdktf", ...modules].map((m) => `require(${JSON.stringify(m)});`).join("")])
        .sample,
  },
  { label: "synth, all environments (caches warm)", measure: synth },
  {
    label: "synth, all environments (compile caches cleared; npm ci warms them)",
    measure: () => {
      for (const dir of cacheDirs) rmSync(dir, { recursive: true, force: true });
      return synth();
    },
  },
]);
rmSync(outdir, { recursive: true, force: true });

// Where the time goes: the same synthesis, timed step by step in CPU time, in fresh processes.
const stepRuns = Array.from({ length: RUNS + 1 }, () => {
  const { stdout } = run(["--require", "./scripts/register-ts.js", STEPS, JSON.stringify(modules)]);
  return JSON.parse(stdout.trim().split("\n").pop()!) as Record<string, number>;
}).slice(1);
const stepNames = Object.keys(stepRuns[0]);
const stepMs = stepNames.map((step) => [step, median(stepRuns.map((r) => r[step]))] as const);

const ratio = warm.seconds / baseline.seconds;
const cpuRatio = warm.cpuSeconds / baseline.cpuSeconds;
const lines = [
  `Median of ${RUNS} interleaved runs after one warm-up, Node ${process.version}, ${cpus().length} CPU(s) (${cpus()[0]?.model.trim() ?? "unknown"}), load average ${LOAD_AT_START} when the runs began (wall times stretch on a busy machine; CPU times much less).`,
  "",
  "| process | wall time | CPU time | peak RSS | wall × baseline |",
  "|---|---:|---:|---:|---:|",
  ...[node, baseline, warm, cold].map(
    (row) =>
      `| ${row.label} | ${row.seconds.toFixed(3)} s | ${row.cpuSeconds.toFixed(3)} s | ${row.maxRssMb.toFixed(0)} MB | ${(row.seconds / baseline.seconds).toFixed(2)} |`,
  ),
  "",
  `Synthesis costs ${ratio.toFixed(2)}× the baseline in wall time (${cpuRatio.toFixed(2)}× in CPU time): ${ratio <= BUDGET ? "within" : "OVER"} the ${BUDGET}× budget.`,
  "",
  "Where a warm synthesis spends its CPU time, step by step (medians; Node's own start-up, the same in every process, is left out):",
  "",
  "| step | CPU time |",
  "|---|---:|",
  ...stepMs.map(([step, ms]) => `| ${step} | ${ms.toFixed(0)} ms |`),
];
const markdown = lines.join("\n");
console.log(markdown);

/** Puts the figures between the README's bench markers, formatted as the repository's Prettier would. */
async function updateReadme(): Promise<void> {
  const readme = readFileSync(README, "utf8");
  const [open, close] = MARKERS;
  const from = readme.indexOf(open);
  const to = readme.indexOf(close);
  if (from < 0 || to < from) throw new Error(`README.md has no ${open} … ${close} section`);
  const updated = `${readme.slice(0, from + open.length)}\n\n${markdown}\n\n${readme.slice(to)}`;
  const prettier = await import("prettier");
  const options = (await prettier.resolveConfig(README)) ?? {};
  writeFileSync(README, await prettier.format(updated, { ...options, filepath: README }));
  console.log(`\nREADME.md updated (${open}).`);
}

updateReadme().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
