// `npm run plan`: synthesizes, then plans every stack offline against local S3/DynamoDB stand-ins.
// Exits non-zero when any stack fails to init or plan, with terraform's error.
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { planAllStacksOffline } from "../lib/offline-plan/plan-all";
import type { OfflineStackPlan } from "../lib/offline-plan/plan-stack";
import { formatProviderAddress } from "../lib/terraform-cli/provider-source";
import { synthesize } from "../main";
import { reportError } from "../stacks/error-report";

const USAGE = `Usage: npm run plan -- [--stack NAME]... [--jobs N] [--lock-timeout DURATION]`;

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

function report(plan: OfflineStackPlan, interrupted: boolean): void {
  const timing = `(init ${seconds(plan.initMs)}, plan ${seconds(plan.planMs)})`;
  if (plan.ok) console.log(`${plan.stack}: ${plan.summary?.line} ${timing}`);
  else if (interrupted) console.error(`${plan.stack}: interrupted at terraform ${plan.failedStep}`);
  else
    console.error(`${plan.stack}: terraform ${plan.failedStep} failed ${timing}\n${plan.error}\n`);
}

interface PlanOptions {
  readonly stacks?: string[];
  readonly jobs?: number;
  readonly lockTimeout: string;
}

/** The command line's options, or what is wrong with it. */
function parsePlanOptions(args: string[]): PlanOptions | string {
  try {
    const { values } = parseArgs({
      args,
      options: {
        stack: { type: "string", multiple: true },
        jobs: { type: "string" },
        "lock-timeout": { type: "string", default: "30s" },
      },
    });
    const jobs = values.jobs === undefined ? undefined : Number(values.jobs);
    if (jobs !== undefined && !(Number.isInteger(jobs) && jobs >= 1)) {
      return `--jobs must be a whole number of at least 1, got "${values.jobs}".`;
    }
    return { stacks: values.stack, jobs, lockTimeout: values["lock-timeout"] };
  } catch (error) {
    return (error as Error).message;
  }
}

async function main(): Promise<number> {
  const options = parsePlanOptions(process.argv.slice(2));
  if (typeof options === "string") {
    console.error(`${options}\n${USAGE}`);
    return 2;
  }

  const root = process.cwd();
  const outdir = resolve(root, process.env.CDKTF_OUTDIR ?? "cdktf.out");
  try {
    synthesize(root, outdir);
  } catch (error) {
    reportError(error, "nothing planned");
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

  const outcome = await planAllStacksOffline({
    root,
    outdir,
    ...options,
    signal: interrupted.signal,
    onStackPlanned: (plan) => report(plan, interrupted.signal.aborted),
  });
  const mirrors = outcome.cli.lookup.mirrors.map(
    (m) => `${m.providers.map((p) => formatProviderAddress(p.address)).join(", ")} from ${m.path}`,
  );
  console.log(
    `Providers: ${mirrors.length > 0 ? mirrors.join("; ") : "public registry"} ` +
      `(mirror located in ${outcome.cli.mirrorSearchMs.toFixed(0)} ms; TF_CLI_CONFIG_FILE=${outcome.cli.configFile})`,
  );
  const failed = outcome.plans.filter((plan) => !plan.ok);
  console.log(
    `${outcome.plans.length - failed.length} of ${outcome.plans.length} stack(s) planned in ${seconds(outcome.totalMs)}.`,
  );
  if (interrupted.signal.aborted) return 130;
  return failed.length === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    reportError(error, "nothing planned");
    process.exit(1);
  },
);
