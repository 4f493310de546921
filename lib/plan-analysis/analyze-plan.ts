import { formatAttributePath, changedAttributePaths } from "./attribute-paths";
import { ACTIONS_BY_ATTENTION, classifyActions, type ChangeAction } from "./change-action";
import { constructOriginOf, type SynthesizedConfig } from "./construct-paths";
import { moduleGroupOf, type ModuleGroup } from "./module-groups";
import type { PlanJson, ResourceChangeJson } from "./plan-json";
import type { ResourceChange } from "./resource-change";
import { isStatefulType } from "./stateful-resources";

export interface PlanAnalysisOptions {
  /** The synthesized configuration the plan was made from: its metadata names the constructs. */
  readonly config: SynthesizedConfig;
  /** The configuration's service names: a construct path naming one groups by service too. */
  readonly services: readonly string[];
}

/** How many resources of one module group get each action. */
export interface GroupSummary {
  readonly group: ModuleGroup;
  readonly counts: Readonly<Partial<Record<ChangeAction, number>>>;
}

export interface PlanAnalysis {
  /** Every resource change in Terraform's order, no-ops included. */
  readonly changes: readonly ResourceChange[];
  /** One entry per module group, by label; its counts in the order of ACTIONS_BY_ATTENTION. */
  readonly groups: readonly GroupSummary[];
}

function analyzeChange(json: ResourceChangeJson, options: PlanAnalysisOptions): ResourceChange {
  const { action, replaceOrder } = classifyActions(json.change.actions);
  const { constructPath, segments } = constructOriginOf(options.config, json);
  const changesValues = action === "update" || action === "replace";
  return {
    address: json.address,
    type: json.type,
    mode: json.mode,
    constructPath,
    group: moduleGroupOf(segments, options.services),
    action,
    replaceOrder,
    reason: json.action_reason,
    replacePaths: (json.change.replace_paths ?? []).map(formatAttributePath),
    changedAttributes: changesValues
      ? changedAttributePaths(json.change.before, json.change.after, json.change.after_unknown).map(
          formatAttributePath,
        )
      : [],
    previousAddress: json.previous_address,
    deposed: json.deposed,
    stateful: json.mode === "managed" && isStatefulType(json.type),
  };
}

/** Code-point order: the same on every machine, whatever its locale. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function summarizeGroups(changes: readonly ResourceChange[]): GroupSummary[] {
  const byLabel = new Map<string, { group: ModuleGroup; changes: ResourceChange[] }>();
  for (const change of changes) {
    const entry = byLabel.get(change.group.label) ?? { group: change.group, changes: [] };
    entry.changes.push(change);
    byLabel.set(change.group.label, entry);
  }
  return [...byLabel.values()]
    .sort((a, b) => compareText(a.group.label, b.group.label))
    .map(({ group, changes: groupChanges }) => {
      const counts: Partial<Record<ChangeAction, number>> = {};
      for (const action of ACTIONS_BY_ATTENTION) {
        const count = groupChanges.filter((change) => change.action === action).length;
        if (count > 0) counts[action] = count;
      }
      return { group, counts };
    });
}

/**
 * Reads a plan (`terraform show -json`) as resource changes grouped by the module construct (and
 * service) that declared them.
 */
export function analyzePlan(plan: PlanJson, options: PlanAnalysisOptions): PlanAnalysis {
  const changes = (plan.resource_changes ?? []).map((json) => analyzeChange(json, options));
  return { changes, groups: summarizeGroups(changes) };
}

/** The changes other than no-ops, replacements and destructions first, then by group and address. */
export function changesByAttention(changes: readonly ResourceChange[]): ResourceChange[] {
  const rank = (change: ResourceChange): number => ACTIONS_BY_ATTENTION.indexOf(change.action);
  return changes
    .filter((change) => change.action !== "no-op")
    .sort(
      (a, b) =>
        rank(a) - rank(b) ||
        compareText(a.group.label, b.group.label) ||
        compareText(a.address, b.address),
    );
}
