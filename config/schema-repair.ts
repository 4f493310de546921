import type { ErrorObject } from "ajv";
import { errorLocation } from "./schema-messages";

type Segment = string | number;

export interface Repair {
  /** The document without the values the schema rejected. */
  readonly data: unknown;
  /** Where values were taken out, as path segments: semantic checks say nothing there. */
  readonly removed: readonly (readonly Segment[])[];
}

const MAX_ROUNDS = 5;

/**
 * The document with every value the schema rejected taken out, so that the semantic checks can
 * still look at the rest of the file in the same run. A rejected array item takes its whole array
 * with it (removing one item would shift the indexes later problems name); a required key left
 * missing takes its parent object. Undefined when that would reach the document itself, or when
 * `errorsOf` still finds fault after a few rounds.
 */
export function withoutRejectedValues(
  document: unknown,
  errors: readonly ErrorObject[],
  errorsOf: (data: unknown) => readonly ErrorObject[],
): Repair | undefined {
  const data = structuredClone(document);
  const removed: Segment[][] = [];
  let remaining = errors;
  for (let round = 0; round < MAX_ROUNDS && remaining.length > 0; round++) {
    for (const error of remaining) {
      if (error.keyword === "propertyNames") continue; // its key error comes separately
      const location = errorLocation(error);
      const target = error.keyword === "required" ? location.slice(0, -1) : location;
      const firstIndex = target.findIndex((segment) => typeof segment === "number");
      const property = firstIndex === -1 ? target : target.slice(0, firstIndex);
      if (property.length === 0) return undefined;
      remove(data, property);
      removed.push(property);
    }
    remaining = errorsOf(data);
  }
  return remaining.length === 0 ? { data, removed } : undefined;
}

function remove(data: unknown, path: readonly Segment[]): void {
  let parent = data as Record<Segment, unknown> | undefined;
  for (const segment of path.slice(0, -1)) {
    parent = parent?.[segment] as Record<Segment, unknown> | undefined;
  }
  if (parent && typeof parent === "object") delete parent[path[path.length - 1]];
}
