import type { EnvironmentConfig, ServiceConfig } from "../model";
import type { EnvironmentFile } from "../schema/environment";
import { jsonPath, type ConfigProblem } from "../problems";
import type { Check } from "./check";

type CountField = "minCount" | "desiredCount" | "maxCount";

interface Count {
  readonly field: CountField;
  readonly value: number;
  readonly file: string;
  readonly path: string;
}

/** Each pair must be in order (first ≤ second); when not, the second is blamed unless only the first was overridden. */
const ORDERED_PAIRS: readonly (readonly [CountField, CountField])[] = [
  ["minCount", "maxCount"],
  ["minCount", "desiredCount"],
  ["desiredCount", "maxCount"],
];

const LABELS: Record<CountField, string> = {
  minCount: "scaling.minCount",
  desiredCount: "desiredCount",
  maxCount: "scaling.maxCount",
};

function manifestCounts(service: ServiceConfig, scaling: NonNullable<ServiceConfig["scaling"]>) {
  const at = (field: CountField, value: number, path: (string | number)[]): Count => ({
    field,
    value,
    file: service.file,
    path: jsonPath(path),
  });
  return {
    minCount: at("minCount", scaling.minCount, ["scaling", "minCount"]),
    desiredCount: at("desiredCount", service.desiredCount, ["desiredCount"]),
    maxCount: at("maxCount", scaling.maxCount, ["scaling", "maxCount"]),
  };
}

/** The counts one environment runs a manifest's service with, each located where it was written. */
function environmentCounts(
  env: EnvironmentConfig,
  overrides: NonNullable<EnvironmentFile["services"]>[string],
  service: ServiceConfig,
  scaling: NonNullable<ServiceConfig["scaling"]>,
): Record<CountField, Count> {
  const base = manifestCounts(service, scaling);
  const override = (field: CountField, value: number | undefined, path: string[]): Count =>
    value === undefined
      ? base[field]
      : { field, value, file: env.file, path: jsonPath(["services", service.name, ...path]) };
  return {
    minCount: override("minCount", overrides.scaling?.minCount, ["scaling", "minCount"]),
    desiredCount: override("desiredCount", overrides.desiredCount, ["desiredCount"]),
    maxCount: override("maxCount", overrides.scaling?.maxCount, ["scaling", "maxCount"]),
  };
}

function expectation(field: CountField, counts: Record<CountField, Count>): string {
  const { minCount, desiredCount, maxCount } = counts;
  if (field === "desiredCount") return `a count from ${minCount.value} to ${maxCount.value}`;
  if (field === "maxCount") return `at least ${Math.max(minCount.value, desiredCount.value)}`;
  return `at most ${Math.min(desiredCount.value, maxCount.value)}`;
}

/**
 * Problems with minCount ≤ desiredCount ≤ maxCount. With `onlyFrom`, a broken pair is reported
 * only when a count written in that file takes part, and at that count.
 */
function orderProblems(counts: Record<CountField, Count>, onlyFrom?: string): ConfigProblem[] {
  const problems = new Map<string, ConfigProblem>();
  // With the bounds themselves reversed, no desiredCount can be right: report the bounds alone.
  const pairs =
    counts.minCount.value > counts.maxCount.value ? ORDERED_PAIRS.slice(0, 1) : ORDERED_PAIRS;
  for (const [lowField, highField] of pairs) {
    const low = counts[lowField];
    const high = counts[highField];
    if (low.value <= high.value) continue;
    const candidates = [high, low].filter((c) => onlyFrom === undefined || c.file === onlyFrom);
    const blamed = candidates[0];
    if (!blamed || problems.has(blamed.path)) continue;
    const other = blamed === high ? low : high;
    const where = other.file === blamed.file ? "" : ` (${other.file})`;
    const relation = blamed === high ? "below" : "above";
    problems.set(blamed.path, {
      file: blamed.file,
      path: blamed.path,
      message: `${blamed.value} is ${relation} ${LABELS[other.field]} ${other.value}${where}; expected ${expectation(blamed.field, counts)}`,
    });
  }
  return [...problems.values()];
}

/**
 * Autoscaling bounds hold: minCount ≤ desiredCount ≤ maxCount, in each manifest and in each
 * environment after its overrides, reported where the offending count is written.
 */
export const checkScalingBounds: Check = ({ environments, services, written }) => {
  const problems: ConfigProblem[] = [];
  for (const service of services) {
    if (service.scaling) problems.push(...orderProblems(manifestCounts(service, service.scaling)));
  }
  for (const env of environments) {
    for (const service of services) {
      const overrides = written.environment(env).services?.[service.name];
      if (overrides?.scaling && !service.scaling) {
        problems.push({
          file: env.file,
          path: jsonPath(["services", service.name, "scaling"]),
          message: `sets autoscaling bounds, but ${service.file} has no scaling; expected a scaling block in the manifest first, or remove this`,
        });
        continue;
      }
      if (service.scaling) {
        const counts = environmentCounts(env, overrides ?? {}, service, service.scaling);
        problems.push(...orderProblems(counts, env.file));
      }
    }
  }
  return problems;
};
