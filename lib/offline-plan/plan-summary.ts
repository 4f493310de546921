/** What a plan would do, as Terraform counts it. */
export interface PlanSummary {
  readonly toImport: number;
  readonly toAdd: number;
  readonly toChange: number;
  readonly toDestroy: number;
  /** Terraform's own line, e.g. `Plan: 59 to add, 0 to change, 0 to destroy.` */
  readonly line: string;
}

const PLAN_LINE =
  /^Plan: (?:(\d+) to import, )?(\d+) to add, (\d+) to change, (\d+) to destroy\.$/m;
const NO_CHANGES_LINE = /^No changes\. .*$/m;

/** The summary of `terraform plan` output, or undefined when the output has none (a failed plan). */
export function parsePlanSummary(output: string): PlanSummary | undefined {
  const plan = PLAN_LINE.exec(output);
  if (plan) {
    return {
      toImport: Number(plan[1] ?? 0),
      toAdd: Number(plan[2]),
      toChange: Number(plan[3]),
      toDestroy: Number(plan[4]),
      line: plan[0],
    };
  }
  const none = NO_CHANGES_LINE.exec(output);
  if (none) return { toImport: 0, toAdd: 0, toChange: 0, toDestroy: 0, line: none[0] };
  return undefined;
}
