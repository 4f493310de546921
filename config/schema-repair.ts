import type { ErrorObject } from "ajv";
import { closestKey } from "./closest-key";
import { placeholderFor } from "./schema-placeholder";
import { errorLocation } from "./schema-messages";

type Segment = string | number;
export type ValuePath = readonly string[];

export interface Repair {
  /** The document with what the schema rejected taken out, or stood in for where it is required. */
  readonly data: unknown;
  /**
   * Where the values in `data` are not the user's: rejected ones (taken out or stood in for),
   * and the key a mistyped key was probably meant to be. Semantic checks read none of them.
   */
  readonly rejected: readonly ValuePath[];
}

/** A value taken out leaves a required key missing, which is stood in for, and so on up: a few levels. */
const MAX_ROUNDS = 8;

/**
 * The document without the values the schema rejected, so that the semantic checks can still
 * look at the rest of the file in the same run:
 * - a rejected value is taken out; a rejected array item takes its whole array with it
 *   (taking one item out would shift the indexes later problems name);
 * - an unknown key is taken out; when it is close to a known key the object lacks (a typo),
 *   that key counts as rejected, since what the user meant to write there is unknown;
 * - a required key left missing gets a stand-in value from the schema (`placeholderFor`), or,
 *   when the schema offers none or the stand-in fails too, takes its parent object with it.
 * Undefined when that would take the document itself, or when `errorsOf` still finds fault
 * after a few rounds.
 */
export function withoutRejectedValues(
  document: unknown,
  errors: readonly ErrorObject[],
  errorsOf: (data: unknown) => readonly ErrorObject[],
): Repair | undefined {
  const data = structuredClone(document);
  const rejected = new Map<string, ValuePath>();
  const reject = (path: readonly Segment[]) => {
    const property = wholeArrays(path);
    rejected.set(JSON.stringify(property), property);
    return property;
  };
  const stoodIn = new Set<string>();
  let remaining = errors;
  for (let round = 0; round < MAX_ROUNDS && remaining.length > 0; round++) {
    for (const error of remaining) {
      if (error.keyword === "propertyNames") continue; // its key error comes separately
      const location = errorLocation(error);
      if (error.keyword === "additionalProperties") {
        remove(data, location);
        const meant = misspelt(error, data);
        if (meant) reject([...location.slice(0, -1), meant]);
        continue;
      }
      if (error.keyword === "required") {
        const stand = placeholderFor(propertySchema(error));
        const key = JSON.stringify(location);
        if (stand !== undefined && !stoodIn.has(key)) {
          stoodIn.add(key);
          set(data, location, structuredClone(stand));
          reject(location);
          continue;
        }
      }
      const target = error.keyword === "required" ? location.slice(0, -1) : location;
      const property = reject(target);
      if (property.length === 0) return undefined;
      remove(data, property);
    }
    remaining = errorsOf(data);
  }
  return remaining.length === 0 ? { data, rejected: [...rejected.values()] } : undefined;
}

/** The path up to its first array index: an array is rejected or kept as a whole. */
function wholeArrays(path: readonly Segment[]): string[] {
  const firstIndex = path.findIndex((segment) => typeof segment === "number");
  return (firstIndex === -1 ? path : path.slice(0, firstIndex)) as string[];
}

/** For an unknown key, the known key it is closest to, when the object lacks that one. */
function misspelt(error: ErrorObject, data: unknown): string | undefined {
  const key = (error.params as { additionalProperty: string }).additionalProperty;
  const properties = (error.parentSchema as { properties?: Record<string, unknown> } | undefined)
    ?.properties;
  const meant = closestKey(key, Object.keys(properties ?? {}));
  const parent = at(data, errorLocation(error).slice(0, -1));
  return meant !== undefined && isObject(parent) && !(meant in parent) ? meant : undefined;
}

/** The schema of the key a `required` error says is missing. */
function propertySchema(error: ErrorObject) {
  const missing = (error.params as { missingProperty: string }).missingProperty;
  const parent = error.parentSchema as { properties?: Record<string, object> } | undefined;
  return parent?.properties?.[missing];
}

function isObject(value: unknown): value is Record<Segment, unknown> {
  return typeof value === "object" && value !== null;
}

function at(data: unknown, path: readonly Segment[]): unknown {
  return path.reduce<unknown>(
    (value, segment) => (isObject(value) ? value[segment] : undefined),
    data,
  );
}

function remove(data: unknown, path: readonly Segment[]): void {
  const parent = at(data, path.slice(0, -1));
  if (isObject(parent)) delete parent[path[path.length - 1]];
}

function set(data: unknown, path: readonly Segment[], value: unknown): void {
  const parent = at(data, path.slice(0, -1));
  if (isObject(parent)) parent[path[path.length - 1]] = value;
}
