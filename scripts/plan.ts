// `npm run plan`: synthesizes, then plans every stack offline against local S3/DynamoDB stand-ins,
// and reports each stack's changes by module. `--help` lists the options and exit codes.
import { resolve } from "node:path";
import { loadProject } from "../config/load";
import { planAllStacksOffline, UnknownStackError } from "../lib/offline-plan/plan-all";
import type { OfflineStackPlan } from "../lib/offline-plan/plan-stack";
import { readSynthesizedStacks } from "../lib/offline-plan/synthesized-stack";
import { colorFor, painter } from "../lib/plan-command/color";
import { PLAN_EXIT_CODES, planOutcome } from "../lib/plan-command/exit-codes";
import { planDocument } from "../lib/plan-command/json-report";
import { parsePlanOptions, PLAN_HELP, PLAN_USAGE } from "../lib/plan-command/plan-options";
import { stackReport, type StackReport } from "../lib/plan-command/stack-report";
import { renderProblem, renderStackReport } from "../lib/plan-command/text-report";
import { formatProviderAddress } from "../lib/terraform-cli/provider-source";
import { synthesize } from "../main";
import { reportError } from "../stacks/error-report";

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

async function main(): Promise<number> {
  const options = parsePlanOptions(process.argv.slice(2));
  if ("problems" in options) {
    console.error(`${options.problems.join("\n")}\n${PLAN_USAGE}`);
    return PLAN_EXIT_CODES.usage.code;
  }
  if (options.help) {
    process.stdout.write(PLAN_HELP);
    return PLAN_EXIT_CODES.planned.code;
  }

  const root = process.cwd();
  const outdir = resolve(root, process.env.CDKTF_OUTDIR ?? "cdktf.out");
  try {
    synthesize(root, outdir);
  } catch (error) {
    reportError(error, "nothing planned");
    return 1;
  }

  const configs = new Map(readSynthesizedStacks(outdir).map((s) => [s.name, s.config]));
  const services = loadProject(root).services.map((service) => service.name);
  const paintOut = painter(colorFor(process.stdout, process.env));
  const paintErr = painter(colorFor(process.stderr, process.env));

  const interrupted = new AbortController();
  const interrupt = (signal: NodeJS.Signals): void => {
    if (interrupted.signal.aborted) process.exit(PLAN_EXIT_CODES.interrupted.code); // a second Ctrl-C: stop waiting
    console.error(`${signal}: interrupting terraform, then stopping the emulators...`);
    interrupted.abort();
  };
  process.on("SIGINT", interrupt);
  process.on("SIGTERM", interrupt);

  const reports: StackReport[] = [];
  const onStackPlanned = (plan: OfflineStackPlan): void => {
    const report = stackReport(plan, {
      config: configs.get(plan.stack) ?? {},
      services,
      allowReplace: options.allowReplace,
      interrupted: interrupted.signal.aborted,
    });
    reports.push(report);
    if (options.json) return;
    const lines = renderStackReport(report, { details: options.details, paint: paintOut });
    if (report.status === "planned") console.log(lines.join("\n"));
    else console.error(lines.join("\n"));
  };

  let outcome;
  try {
    outcome = await planAllStacksOffline({
      root,
      outdir,
      stacks: options.stacks,
      jobs: options.jobs,
      lockTimeout: options.lockTimeout,
      showJson: true,
      signal: interrupted.signal,
      onStackPlanned,
    });
  } catch (error) {
    if (!(error instanceof UnknownStackError)) throw error;
    console.error(`--stack ${error.message}`);
    return PLAN_EXIT_CODES.usage.code;
  }

  const exitCode = PLAN_EXIT_CODES[planOutcome(reports, interrupted.signal.aborted)].code;
  if (options.json) {
    process.stdout.write(`${JSON.stringify(planDocument(reports, exitCode), null, 2)}\n`);
    return exitCode;
  }
  const mirrors = outcome.cli.lookup.mirrors.map(
    (m) => `${m.providers.map((p) => formatProviderAddress(p.address)).join(", ")} from ${m.path}`,
  );
  console.log(
    `Providers: ${mirrors.length > 0 ? mirrors.join("; ") : "public registry"} ` +
      `(mirror located in ${outcome.cli.mirrorSearchMs.toFixed(0)} ms; TF_CLI_CONFIG_FILE=${outcome.cli.configFile})`,
  );
  for (const problem of reports.flatMap((report) => report.problems)) {
    if (problem.address !== undefined) console.error(renderProblem(problem, paintErr));
  }
  const planned = reports.filter((report) => report.status === "planned").length;
  console.log(`${planned} of ${reports.length} stack(s) planned in ${seconds(outcome.totalMs)}.`);
  return exitCode;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    reportError(error, "nothing planned");
    process.exit(1);
  },
);
