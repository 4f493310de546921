import type { OfflineStackPlan } from "../offline-plan/plan-stack";
import type { PlanSummary } from "../offline-plan/plan-summary";
import {
  analyzePlan,
  changesByAttention,
  statefulRisks,
  type ChangeAction,
  type GroupSummary,
  type ResourceChange,
  type SynthesizedConfig,
} from "../plan-analysis";

/** Something the user must know about a stack's plan: an error fails the command. */
export interface PlanProblem {
  readonly severity: "error" | "warning";
  readonly stack: string;
  /** The resource concerned, if one is. */
  readonly address?: string;
  /** One line: what, where, and what to do. */
  readonly message: string;
  /** More text, such as terraform's own error. */
  readonly detail?: string;
}

/** What `npm run plan` reports about one stack. */
export interface StackReport {
  readonly stack: string;
  readonly status: "planned" | "failed" | "interrupted";
  readonly failedStep?: OfflineStackPlan["failedStep"];
  readonly summary?: PlanSummary;
  readonly timing: { readonly initMs: number; readonly planMs: number; readonly showMs: number };
  /** The module groups with changes, each with its count per action (no-ops left out). */
  readonly groups: readonly GroupSummary[];
  /** The changes (no-ops left out), replacements and destructions first. */
  readonly changes: readonly ResourceChange[];
  readonly problems: readonly PlanProblem[];
}

export interface StackReportOptions {
  /** The stack's synthesized configuration, whose metadata names the constructs. */
  readonly config: SynthesizedConfig;
  /** The configuration's service names. */
  readonly services: readonly string[];
  /** Whether replacing or destroying stateful resources is accepted (a warning, not an error). */
  readonly allowReplace: boolean;
  /** Whether the run was interrupted: a failed step is then reported as interrupted. */
  readonly interrupted: boolean;
}

function timingOf(plan: OfflineStackPlan): StackReport["timing"] {
  return { initMs: plan.initMs, planMs: plan.planMs, showMs: plan.showMs };
}

function withoutNoOps(group: GroupSummary): GroupSummary {
  const counts: Partial<Record<ChangeAction, number>> = { ...group.counts };
  delete counts["no-op"];
  return { group: group.group, counts };
}

function failureReport(plan: OfflineStackPlan, options: StackReportOptions): StackReport {
  const interrupted = options.interrupted;
  return {
    stack: plan.stack,
    status: interrupted ? "interrupted" : "failed",
    failedStep: plan.failedStep,
    summary: plan.summary,
    timing: timingOf(plan),
    groups: [],
    changes: [],
    problems: [
      {
        severity: "error",
        stack: plan.stack,
        message: interrupted
          ? `interrupted at terraform ${plan.failedStep}`
          : `terraform ${plan.failedStep} failed`,
        detail: interrupted ? undefined : plan.error,
      },
    ],
  };
}

/** A stack's plan as changes grouped by module, with its stateful replacements as problems. */
export function stackReport(plan: OfflineStackPlan, options: StackReportOptions): StackReport {
  if (!plan.ok || plan.planJson === undefined) return failureReport(plan, options);
  const analysis = analyzePlan(plan.planJson, options);
  const problems = statefulRisks(analysis.changes).map((risk): PlanProblem => ({
    severity: options.allowReplace ? "warning" : "error",
    stack: plan.stack,
    address: risk.change.address,
    message: options.allowReplace
      ? `${risk.message} Accepted by --allow-replace.`
      : `${risk.message} Rerun with --allow-replace if that is intended.`,
  }));
  return {
    stack: plan.stack,
    status: "planned",
    summary: plan.summary,
    timing: timingOf(plan),
    groups: analysis.groups
      .map(withoutNoOps)
      .filter((group) => Object.keys(group.counts).length > 0),
    changes: changesByAttention(analysis.changes),
    problems,
  };
}
