import type { ErrorObject } from "ajv";
import { closestKey } from "./closest-key";
import { jsonPath, quote, type ConfigProblem } from "./problems";

/** The parts of a JSON Schema node that messages draw on. */
interface SchemaNode {
  description?: string;
  examples?: unknown[];
  enum?: unknown[];
  properties?: Record<string, SchemaNode>;
  minimum?: number;
  maximum?: number;
}

/**
 * Turns ajv's errors for one file into problems a user can act on, one per JSON path: the path
 * of the offending value or key, the value quoted, and what is expected (from the schema's
 * descriptions). Where ajv finds several faults with one value, the most telling one is kept.
 */
export function schemaProblems(errors: readonly ErrorObject[], file: string): ConfigProblem[] {
  const byPath = new Map<string, ErrorObject[]>();
  for (const error of errors) {
    if (error.keyword === "propertyNames") continue; // its key error comes separately
    const path = jsonPath(errorLocation(error));
    byPath.set(path, [...(byPath.get(path) ?? []), error]);
  }
  return [...byPath].map(([path, found]) => ({ file, path, message: describeField(found) }));
}

/**
 * The order in which faults with one value are worth telling: a bad key before its value, a
 * missing or unknown key, then the kind of value, the allowed values, its form, its size.
 */
const KEYWORD_RANK = [
  "required",
  "additionalProperties",
  "enum",
  "type",
  "pattern",
  "format",
  "minLength",
  "maxLength",
  "minimum",
  "maximum",
  "minItems",
  "maxItems",
  "uniqueItems",
];

function rank(error: ErrorObject): number {
  if (error.propertyName !== undefined) return -1;
  const index = KEYWORD_RANK.indexOf(error.keyword);
  return index === -1 ? KEYWORD_RANK.length : index;
}

/** One message for everything wrong with one value: the fault that says most. */
function describeField(errors: readonly ErrorObject[]): string {
  const [first] = [...errors].sort((a, b) => rank(a) - rank(b));
  const wrongType = errors.find((error) => error.keyword === "type" && !error.propertyName);
  const hint = wrongType && first.keyword !== "type" ? unquotedHint(wrongType) : "";
  return `${describe(first)}${hint && ` (${hint})`}`;
}

/**
 * For a number or boolean written in quotes, what it should have been: 'a number, not the
 * string "256"'; "" for anything else.
 */
function unquotedHint(error: ErrorObject): string {
  const { data } = error;
  const type = (error.params as { type: string }).type;
  if (typeof data !== "string") return "";
  let parsed: unknown;
  try {
    parsed = JSON.parse(data);
  } catch {
    return "";
  }
  const fits =
    type === "boolean"
      ? typeof parsed === "boolean"
      : typeof parsed === "number" && (type === "number" || Number.isInteger(parsed));
  if (!fits) return "";
  return `${type === "boolean" ? "true or false" : "a number"}, not the string ${quote(data)}`;
}

/** Where an error is, as path segments: the offending value, key or repeated array item. */
export function errorLocation(error: ErrorObject): (string | number)[] {
  const segments = pointerSegments(error.instancePath);
  const key = offendingKey(error);
  return key === undefined ? segments : [...segments, key];
}

/** Splits an ajv instance path (a JSON pointer) into path segments; array indexes become numbers. */
function pointerSegments(pointer: string): (string | number)[] {
  if (pointer === "") return [];
  return pointer
    .split("/")
    .slice(1)
    .map((raw) => raw.replace(/~1/g, "/").replace(/~0/g, "~"))
    .map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment));
}

/** For errors about a key (missing, unknown or badly formed) or one array item, where it is. */
function offendingKey(error: ErrorObject): string | number | undefined {
  if (error.propertyName !== undefined) return error.propertyName;
  if (error.keyword === "required")
    return (error.params as { missingProperty: string }).missingProperty;
  if (error.keyword === "additionalProperties")
    return (error.params as { additionalProperty: string }).additionalProperty;
  if (error.keyword === "uniqueItems") {
    const { i, j } = error.params as { i: number; j: number };
    return Math.max(i, j);
  }
  return undefined;
}

/** "; expected <description> (e.g. <example>)", or "" when the schema says nothing. */
function expected(schema: SchemaNode | undefined): string {
  if (!schema?.description) return "";
  const example = schema.examples?.length ? ` (e.g. ${quote(schema.examples[0])})` : "";
  return `; expected ${schema.description}${example}`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}

function describe(error: ErrorObject): string {
  const schema = error.parentSchema as SchemaNode | undefined;
  const value = error.data;
  const limit = (error.params as { limit?: number }).limit ?? 0;
  if (error.propertyName !== undefined) {
    const key = error.propertyName;
    const length = error.keyword === "maxLength" || error.keyword === "minLength";
    return length
      ? `${quote(key)} is a key of ${plural(key.length, "character")}${expected(schema)}`
      : `${quote(key)} is not a valid key${expected(schema)}`;
  }
  switch (error.keyword) {
    case "required": {
      const missing = (error.params as { missingProperty: string }).missingProperty;
      return `required key is missing${expected(schema?.properties?.[missing])}`;
    }
    case "additionalProperties": {
      const key = (error.params as { additionalProperty: string }).additionalProperty;
      const known = Object.keys(schema?.properties ?? {});
      const suggestion = closestKey(key, known);
      return suggestion
        ? `unknown key; did you mean ${quote(suggestion)}?`
        : `unknown key; expected one of ${known.map((k) => quote(k)).join(", ")}`;
    }
    case "type": {
      // A number or boolean in quotes: say it is the quotes that are wrong.
      const written = unquotedHint(error) ? "is a string, not" : "is not";
      return `${quote(value)} ${written} ${article((error.params as { type: string }).type)}${expected(schema)}`;
    }
    case "enum":
      return `${quote(value)} is not allowed; expected one of ${(schema?.enum ?? []).map((v) => quote(v)).join(", ")}`;
    case "minimum":
    case "maximum":
      return `${quote(value)} is outside ${schema?.minimum ?? "-∞"} to ${schema?.maximum ?? "∞"}${expected(schema)}`;
    case "minItems":
      return `${quote(value)} has ${plural((value as unknown[]).length, "item")}, fewer than ${limit}${expected(schema)}`;
    case "maxItems":
      return `${quote(value)} has ${plural((value as unknown[]).length, "item")}, more than ${limit}${expected(schema)}`;
    case "uniqueItems": {
      const { i, j } = error.params as { i: number; j: number };
      const item = (value as unknown[])[Math.max(i, j)];
      return `${quote(item)} is listed twice (first at index ${Math.min(i, j)}); expected each item once`;
    }
    case "minLength":
      return `${quote(value)} is ${plural((value as string).length, "character")} long, fewer than ${limit}${expected(schema)}`;
    case "maxLength":
      return `${quote(value)} is ${plural((value as string).length, "character")} long, more than ${limit}${expected(schema)}`;
    default:
      return `${quote(value)} is invalid${expected(schema) || `: ${error.message}`}`;
  }
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}
