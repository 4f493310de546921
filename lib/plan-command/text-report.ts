import { ACTIONS_BY_ATTENTION, type ResourceChange } from "../plan-analysis";
import type { Paint, Style } from "./color";
import type { PlanProblem, StackReport } from "./stack-report";

export interface TextReportOptions {
  /** List every resource under its module, not only replacements and destructions. */
  readonly details: boolean;
  readonly paint: Paint;
}

const ACTION_STYLE: Partial<Record<ResourceChange["action"], Style>> = {
  replace: "yellow",
  delete: "red",
  create: "green",
};

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

function timing(report: StackReport): string {
  const { initMs, planMs, showMs } = report.timing;
  const steps = [`init ${seconds(initMs)}`, `plan ${seconds(planMs)}`];
  if (showMs > 0) steps.push(`show ${seconds(showMs)}`);
  return `(${steps.join(", ")})`;
}

/** What makes a change worth a look: what forces a replacement, what an update changes. */
function changeNotes(change: ResourceChange): string[] {
  const notes: string[] = [];
  if (change.action === "replace") {
    if (change.replacePaths.length > 0) notes.push(`forced by ${change.replacePaths.join(", ")}`);
    notes.push(
      change.replaceOrder === "create-before-destroy"
        ? "new one created first"
        : "destroyed before the new one is created",
    );
  }
  if (change.action === "update" && change.changedAttributes.length > 0) {
    notes.push(change.changedAttributes.join(", "));
  }
  if (change.previousAddress !== undefined) notes.push(`moved from ${change.previousAddress}`);
  if (change.deposed !== undefined) notes.push(`deposed object ${change.deposed}`);
  return notes;
}

function changeLine(change: ResourceChange, paint: Paint, withGroup: boolean): string {
  const style = ACTION_STYLE[change.action];
  const action = change.action.padEnd(7);
  const where = withGroup ? ` (${change.group.label})` : "";
  const notes = changeNotes(change);
  const stateful =
    change.stateful && (change.action === "replace" || change.action === "delete")
      ? ` ${paint("bold", paint("red", "[stateful]"))}`
      : "";
  return (
    `${style ? paint(style, action) : action} ${change.address}${where}` +
    `${notes.length > 0 ? `: ${notes.join("; ")}` : ""}${stateful}`
  );
}

function countsText(counts: StackReport["groups"][number]["counts"]): string {
  return ACTIONS_BY_ATTENTION.filter((action) => counts[action] !== undefined)
    .map((action) => `${counts[action]} ${action}`)
    .join(", ");
}

/**
 * A stack's report as lines: Terraform's summary line, then replacements and destructions one by
 * one, then each module group with its counts (and, with `details`, its resources).
 */
export function renderStackReport(report: StackReport, options: TextReportOptions): string[] {
  const { paint } = options;
  if (report.status === "interrupted") {
    return [`${report.stack}: interrupted at terraform ${report.failedStep}`];
  }
  if (report.status === "failed") {
    const detail = report.problems.flatMap((p) => (p.detail === undefined ? [] : [p.detail]));
    return [
      `${report.stack}: terraform ${report.failedStep} failed ${timing(report)}`,
      ...detail,
      "",
    ];
  }
  const lines = [`${report.stack}: ${report.summary?.line ?? ""} ${timing(report)}`];
  const attention = report.changes.filter((c) => c.action === "replace" || c.action === "delete");
  for (const change of attention) lines.push(`  ${changeLine(change, paint, true)}`);
  const width = Math.max(0, ...report.groups.map((g) => g.group.label.length));
  for (const { group, counts } of report.groups) {
    lines.push(`  ${group.label.padEnd(width)}  ${countsText(counts)}`);
    if (!options.details) continue;
    for (const change of report.changes.filter((c) => c.group.label === group.label)) {
      lines.push(`    ${changeLine(change, paint, false)}`);
    }
  }
  return lines;
}

/** A problem as one line (its detail is printed with its stack). */
export function renderProblem(problem: PlanProblem, paint: Paint): string {
  const label = problem.severity === "error" ? paint("red", "error:") : paint("yellow", "warning:");
  return `${label} ${problem.stack}: ${problem.message}`;
}
