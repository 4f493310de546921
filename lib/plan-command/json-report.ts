import type { PlanProblem, StackReport } from "./stack-report";

/** The document `npm run plan -- --json` prints: every stack's changes, and every problem. */
export interface PlanDocument {
  readonly exitCode: number;
  readonly stacks: readonly object[];
  readonly problems: readonly PlanProblem[];
}

function stackEntry(report: StackReport): object {
  return {
    name: report.stack,
    status: report.status,
    failedStep: report.failedStep,
    summary: report.summary && {
      import: report.summary.toImport,
      add: report.summary.toAdd,
      change: report.summary.toChange,
      destroy: report.summary.toDestroy,
      line: report.summary.line,
    },
    timingMs: {
      init: Math.round(report.timing.initMs),
      plan: Math.round(report.timing.planMs),
      show: Math.round(report.timing.showMs),
    },
    groups: report.groups.map(({ group, counts }) => ({ ...group, counts })),
    changes: report.changes.map((change) => ({ ...change, group: change.group.label })),
  };
}

export function planDocument(reports: readonly StackReport[], exitCode: number): PlanDocument {
  return {
    exitCode,
    stacks: reports.map(stackEntry),
    problems: reports.flatMap((report) => report.problems),
  };
}
