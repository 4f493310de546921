// `npm run plan`: synthesizes, then plans every stack offline against local S3/DynamoDB stand-ins.
// Exits non-zero when any stack fails to init or plan, with terraform's error.
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { ConfigError, formatProblem } from "../config/problems";
import { planAllStacksOffline } from "../lib/offline-plan/plan-all";
import type { OfflineStackPlan } from "../lib/offline-plan/plan-stack";
import { formatProviderAddress } from "../lib/terraform-cli/provider-source";
import { synthesize } from "../main";

const USAGE = `Usage: npm run plan -- [--stack NAME]... [--jobs N] [--lock-timeout DURATION]`;

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

function report(plan: OfflineStackPlan): void {
  const timing = `(init ${seconds(plan.initMs)}, plan ${seconds(plan.planMs)})`;
  if (plan.ok) {
    console.log(`${plan.stack}: ${plan.summary?.line} ${timing}`);
    return;
  }
  console.error(`${plan.stack}: terraform ${plan.failedStep} failed ${timing}\n${plan.error}\n`);
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      stack: { type: "string", multiple: true },
      jobs: { type: "string" },
      "lock-timeout": { type: "string", default: "30s" },
    },
  });
  const jobs = values.jobs === undefined ? undefined : Number(values.jobs);
  if (jobs !== undefined && !(Number.isInteger(jobs) && jobs >= 1)) {
    console.error(`--jobs must be a whole number of at least 1, got "${values.jobs}".\n${USAGE}`);
    return 2;
  }

  const root = process.cwd();
  const outdir = resolve(root, process.env.CDKTF_OUTDIR ?? "cdktf.out");
  try {
    synthesize(root, outdir);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(
      `Synthesis stopped: ${error.problems.length} configuration problem(s), nothing planned.`,
    );
    for (const problem of error.problems) console.error(formatProblem(problem));
    return 1;
  }

  const interrupted = new AbortController();
  const interrupt = (signal: NodeJS.Signals): void => {
    if (interrupted.signal.aborted) process.exit(130); // a second Ctrl-C: stop waiting
    console.error(`${signal}: interrupting terraform, then stopping the emulators...`);
    interrupted.abort();
  };
  process.on("SIGINT", interrupt);
  process.on("SIGTERM", interrupt);

  const report_ = await planAllStacksOffline({
    root,
    outdir,
    stacks: values.stack,
    jobs,
    lockTimeout: values["lock-timeout"],
    signal: interrupted.signal,
    onStackPlanned: report,
  });
  const mirrors = report_.cli.lookup.mirrors.map(
    (m) => `${m.providers.map((p) => formatProviderAddress(p.address)).join(", ")} from ${m.path}`,
  );
  console.log(
    `Providers: ${mirrors.length > 0 ? mirrors.join("; ") : "public registry"} ` +
      `(mirror located in ${report_.cli.mirrorSearchMs.toFixed(0)} ms; TF_CLI_CONFIG_FILE=${report_.cli.configFile})`,
  );
  const failed = report_.plans.filter((plan) => !plan.ok);
  console.log(
    `${report_.plans.length - failed.length} of ${report_.plans.length} stack(s) planned in ${seconds(report_.totalMs)}.`,
  );
  if (interrupted.signal.aborted) return 130;
  return failed.length === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
