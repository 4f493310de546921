import { initStackOffline, type OfflineStackContext } from "./init-stack";
import { parsePlanSummary, type PlanSummary } from "./plan-summary";
import type { SynthesizedStack } from "./synthesized-stack";
import { runTerraform, type TerraformRun } from "./terraform-process";

/** The saved plan's file name in each working directory. */
export const PLAN_FILE = "offline.tfplan";

export interface StackPlanContext extends OfflineStackContext {
  /** How long a plan waits for a state lock held by someone else, e.g. `30s`; `0s` fails at once. */
  readonly lockTimeout: string;
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
  const init = await initStackOffline(stack, workDir, context);
  const base = { stack: stack.name, workDir, initMs: init.durationMs };
  if (init.exitCode !== 0) {
    return { ...base, ok: false, failedStep: "init", error: failure(init), planMs: 0 };
  }

  const plan = await runTerraform(
    [
      "plan",
      "-input=false",
      "-no-color",
      `-lock-timeout=${context.lockTimeout}`,
      `-out=${PLAN_FILE}`,
    ],
    { cwd: workDir, env: context.env, signal: context.signal },
  );
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
