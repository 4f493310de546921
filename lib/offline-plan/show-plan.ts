import type { PlanJson } from "../plan-analysis/plan-json";
import { runTerraform } from "./terraform-process";

export type { PlanJson } from "../plan-analysis/plan-json";

/** A saved plan as JSON (`terraform show -json`), read in the working directory that made it. */
export async function showPlan(
  workDir: string,
  planFile: string,
  env: NodeJS.ProcessEnv,
  signal?: AbortSignal,
): Promise<PlanJson> {
  const run = await runTerraform(["show", "-json", "-no-color", planFile], {
    cwd: workDir,
    env,
    signal,
  });
  if (run.exitCode !== 0) {
    throw new Error(`terraform show -json ${planFile} failed in ${workDir}:\n${run.stderr.trim()}`);
  }
  return JSON.parse(run.stdout) as PlanJson;
}

/** How many resources of each type a plan creates. */
export function resourcesToCreate(plan: PlanJson): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const change of plan.resource_changes ?? []) {
    if (change.mode !== "managed" || !change.change.actions.includes("create")) continue;
    counts[change.type] = (counts[change.type] ?? 0) + 1;
  }
  return counts;
}
