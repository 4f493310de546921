import type { Limiter } from "./limiter";
import type { OfflineCredentials } from "./offline-credentials";
import { offlineOverride } from "./offline-override";
import { parsePlanSummary, type PlanSummary } from "./plan-summary";
import { s3Backend } from "./s3-backend";
import type { SynthesizedStack } from "./synthesized-stack";
import { runTerraform, type TerraformRun } from "./terraform-process";
import { prepareWorkingDir } from "./working-dir";

/** The saved plan's file name in each working directory. */
export const PLAN_FILE = "offline.tfplan";

export interface StackPlanContext {
  readonly env: NodeJS.ProcessEnv;
  readonly credentials: OfflineCredentials;
  /** `-backend-config` arguments pointing S3 backends at the stand-ins. */
  readonly backendConfig: readonly string[];
  /** How long a plan waits for a state lock held by someone else, e.g. `30s`; `0s` fails at once. */
  readonly lockTimeout: string;
  /** Serializes `init`: the plugin cache is not safe for concurrent writers. */
  readonly initLimiter: Limiter;
  readonly signal?: AbortSignal;
}

export interface OfflineStackPlan {
  readonly stack: string;
  readonly workDir: string;
  readonly ok: boolean;
  /** The step that failed, when one did. */
  readonly failedStep?: "init" | "plan";
  /** What terraform said when a step failed. */
  readonly error?: string;
  readonly summary?: PlanSummary;
  /** The saved plan inside `workDir`, when planning succeeded. */
  readonly planFile?: string;
  readonly initMs: number;
  readonly planMs: number;
}

/** What terraform said, each distinct error once (an interrupted plan repeats one per resource). */
function failure(run: TerraformRun): string {
  const output = run.stderr.trim() || run.stdout.trim();
  const paragraphs = [...new Set(output.split(/\n\s*\n/).map((p) => p.trim()))].filter(Boolean);
  const ending = run.signal
    ? `terraform was stopped by ${run.signal}`
    : `exit code ${run.exitCode}`;
  return [...paragraphs, `(${ending})`].join("\n\n");
}

/**
 * Plans one synthesized stack offline in `workDir`: a copy of the stack with the offline override,
 * initialized against the state stand-ins, then planned with a saved plan file.
 */
export async function planStackOffline(
  stack: SynthesizedStack,
  workDir: string,
  context: StackPlanContext,
): Promise<OfflineStackPlan> {
  const backend = s3Backend(stack.name, stack.config);
  prepareWorkingDir(stack.directory, workDir, offlineOverride(stack.config, context.credentials));
  const run = (args: readonly string[]): Promise<TerraformRun> =>
    runTerraform(args, { cwd: workDir, env: context.env, signal: context.signal });

  const init = await context.initLimiter.run(() =>
    run([
      "init",
      "-input=false",
      "-no-color",
      "-reconfigure",
      ...(backend === undefined ? [] : context.backendConfig),
    ]),
  );
  const base = { stack: stack.name, workDir, initMs: init.durationMs };
  if (init.exitCode !== 0) {
    return { ...base, ok: false, failedStep: "init", error: failure(init), planMs: 0 };
  }

  const plan = await run([
    "plan",
    "-input=false",
    "-no-color",
    `-lock-timeout=${context.lockTimeout}`,
    `-out=${PLAN_FILE}`,
  ]);
  const summary = parsePlanSummary(plan.stdout);
  if (plan.exitCode !== 0 || summary === undefined) {
    return {
      ...base,
      ok: false,
      failedStep: "plan",
      error: failure(plan),
      planMs: plan.durationMs,
    };
  }
  return { ...base, ok: true, summary, planFile: PLAN_FILE, planMs: plan.durationMs };
}
