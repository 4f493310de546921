import { initStackOffline, type OfflineStackContext } from "./init-stack";
import { parsePlanSummary, type PlanSummary } from "./plan-summary";
import { showPlan, type PlanJson } from "./show-plan";
import type { SynthesizedStack } from "./synthesized-stack";
import { runTerraform, type TerraformRun } from "./terraform-process";

/** The saved plan's file name in each working directory. */
export const PLAN_FILE = "offline.tfplan";

export interface StackPlanContext extends OfflineStackContext {
  /** How long a plan waits for a state lock held by someone else, e.g. `30s`; `0s` fails at once. */
  readonly lockTimeout: string;
  /** Also read the saved plan as JSON (`terraform show -json`), for an analysis of its changes. */
  readonly showJson?: boolean;
}

export interface OfflineStackPlan {
  readonly stack: string;
  readonly workDir: string;
  readonly ok: boolean;
  /** The step that failed, when one did. */
  readonly failedStep?: "init" | "plan" | "show";
  /** What terraform said when a step failed. */
  readonly error?: string;
  readonly summary?: PlanSummary;
  /** The saved plan inside `workDir`, when planning succeeded. */
  readonly planFile?: string;
  /** The saved plan as JSON, when asked for (`showJson`) and planning succeeded. */
  readonly planJson?: PlanJson;
  readonly initMs: number;
  readonly planMs: number;
  /** How long reading the saved plan as JSON took (0 when not asked for). */
  readonly showMs: number;
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
 * initialized against the state stand-ins, then planned with a saved plan file. Without refresh:
 * offline, the real resources cannot be read, so the plan compares the configuration with the
 * state as recorded (empty in fresh stand-ins; the state stack's local file as last deployed).
 */
export async function planStackOffline(
  stack: SynthesizedStack,
  workDir: string,
  context: StackPlanContext,
): Promise<OfflineStackPlan> {
  const init = await initStackOffline(stack, workDir, context);
  const base = { stack: stack.name, workDir, initMs: init.durationMs };
  if (init.exitCode !== 0) {
    return { ...base, ok: false, failedStep: "init", error: failure(init), planMs: 0, showMs: 0 };
  }

  const plan = await runTerraform(
    [
      "plan",
      "-input=false",
      "-no-color",
      "-refresh=false",
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
      showMs: 0,
    };
  }
  const planned = { ...base, summary, planFile: PLAN_FILE, planMs: plan.durationMs };
  if (!context.showJson) return { ...planned, ok: true, showMs: 0 };
  const showStarted = performance.now();
  try {
    const planJson = await showPlan(workDir, PLAN_FILE, context.env, context.signal);
    return { ...planned, ok: true, planJson, showMs: performance.now() - showStarted };
  } catch (error) {
    const showMs = performance.now() - showStarted;
    return { ...planned, ok: false, failedStep: "show", error: (error as Error).message, showMs };
  }
}
