/**
 * Measures what synthesis costs against the floor the issue sets: a bare Node process that only
 * loads cdktf and the provider classes this project uses. `npm run bench [-- --runs N]`.
 * Prints a Markdown table; the README's figures come from it.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join, resolve } from "node:path";

const ROOT = resolve(__dirname, "..");
const REPORT = join(__dirname, "bench", "report-usage.js");
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

function measure(args: string[], env: NodeJS.ProcessEnv = {}): Sample {
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, ["--require", REPORT, ...args], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, CHECKPOINT_DISABLE: "1", ...env },
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (result.status !== 0) throw new Error(`${args.join(" ")} failed:\n${result.stderr}`);
  const usage = JSON.parse(result.stderr.trim().split("\n").pop()!);
  return { seconds, cpuSeconds: usage.benchCpuMicros / 1e6, maxRssMb: usage.benchMaxRssKb / 1024 };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function series(label: string, run: () => Sample) {
  run(); // warm the file system cache and the compile cache
  const samples = Array.from({ length: RUNS }, run);
  return {
    label,
    seconds: median(samples.map((s) => s.seconds)),
    cpuSeconds: median(samples.map((s) => s.cpuSeconds)),
    maxRssMb: median(samples.map((s) => s.maxRssMb)),
  };
}

const modules = providerModulesUsed();
const outdir = mkdtempSync(join(tmpdir(), "bench-synth-"));
const cacheDirs = ["register-ts", "schema-validators"].map((name) =>
  join(ROOT, "node_modules", ".cache", name),
);
const synthArgs = ["--require", "./scripts/register-ts.js", "main.ts"];

const baseline = series(`bare Node: cdktf + ${modules.length} provider classes`, () =>
  measure(["-e", ["cdktf", ...modules].map((m) => `require(${JSON.stringify(m)});`).join("")]),
);
const node = series("bare Node: empty script", () => measure(["-e", "0"]));
const warm = series("synth, all environments (caches warm)", () =>
  measure(synthArgs, { CDKTF_OUTDIR: outdir }),
);
const cold = series("synth, all environments (compile caches cleared; npm ci warms them)", () => {
  for (const dir of cacheDirs) rmSync(dir, { recursive: true, force: true });
  return measure(synthArgs, { CDKTF_OUTDIR: outdir });
});
rmSync(outdir, { recursive: true, force: true });

console.log(
  `Median of ${RUNS} runs after one warm-up, Node ${process.version}, ${cpus().length} CPU(s) (${cpus()[0]?.model ?? "unknown"}).\n`,
);
console.log("| process | wall time | CPU time | peak RSS | wall × baseline |");
console.log("|---|---:|---:|---:|---:|");
for (const row of [node, baseline, warm, cold]) {
  const ratio = (row.seconds / baseline.seconds).toFixed(2);
  console.log(
    `| ${row.label} | ${row.seconds.toFixed(3)} s | ${row.cpuSeconds.toFixed(3)} s | ${row.maxRssMb.toFixed(0)} MB | ${ratio} |`,
  );
}
const budget = 3;
const verdict = warm.seconds <= budget * baseline.seconds ? "within" : "OVER";
console.log(
  `\nSynthesis costs ${(warm.seconds / baseline.seconds).toFixed(2)}× the baseline: ${verdict} the ${budget}× budget.`,
);
