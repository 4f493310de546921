import type AjvClass from "ajv";
import type { ErrorObject, ValidateFunction } from "ajv";
import type standaloneCodeFunction from "ajv/dist/standalone";
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { closestKey } from "./closest-key";
import { jsonPath, quote, type ConfigProblem } from "./problems";

interface SchemaNode {
  description?: string;
  examples?: unknown[];
  enum?: unknown[];
  properties?: Record<string, SchemaNode>;
  patternProperties?: Record<string, SchemaNode>;
  minimum?: number;
  maximum?: number;
}

const AJV_OPTIONS = { allErrors: true, verbose: true, strict: true } as const;
/** Compiled validators, cached by schema content: a warm synthesis loads no schema compiler. */
const CACHE_DIR = join(__dirname, "..", "node_modules", ".cache", "schema-validators");

/**
 * Validates data against a JSON Schema file with ajv, turning each error into one readable problem.
 * The compiled validator is ajv's standalone code, cached under node_modules/.cache by a hash of
 * the schema, ajv's version and options, so it is rebuilt exactly when the schema changes.
 */
export class SchemaValidator {
  private readonly compiled = new Map<string, ValidateFunction>();

  validate(schemaFile: string, data: unknown, file: string): ConfigProblem[] {
    let validate = this.compiled.get(schemaFile);
    if (!validate) {
      validate = loadValidator(schemaFile);
      this.compiled.set(schemaFile, validate);
    }
    if (validate(data)) return [];
    return (validate.errors ?? []).map((error) => {
      const segments = pointerSegments(error.instancePath);
      const key = offendingKey(error);
      if (key !== undefined) segments.push(key);
      return { file, path: jsonPath(segments), message: describe(error) };
    });
  }
}

/* eslint-disable @typescript-eslint/no-require-imports -- loaded lazily: a cache hit needs no compiler */
function loadValidator(schemaFile: string): ValidateFunction {
  const schemaText = readFileSync(schemaFile, "utf8");
  const ajvVersion = (require("ajv/package.json") as { version: string }).version;
  const key = createHash("sha256")
    .update(schemaText)
    .update(ajvVersion)
    .update(JSON.stringify(AJV_OPTIONS))
    .digest("hex");
  const cached = join(CACHE_DIR, `${key}.js`);
  try {
    return require(cached) as ValidateFunction;
  } catch {
    const Ajv = (require("ajv") as { default: typeof AjvClass }).default;
    const standaloneCode = (
      require("ajv/dist/standalone") as { default: typeof standaloneCodeFunction }
    ).default;
    const ajv = new Ajv({ ...AJV_OPTIONS, code: { source: true } });
    const validate = ajv.compile(JSON.parse(schemaText));
    mkdirSync(CACHE_DIR, { recursive: true });
    writeFileSync(cached, standaloneCode(ajv, validate));
    return validate;
  }
}
/* eslint-enable @typescript-eslint/no-require-imports */

/** Splits an ajv instance path (a JSON pointer) into path segments; array indexes become numbers. */
function pointerSegments(pointer: string): (string | number)[] {
  if (pointer === "") return [];
  return pointer
    .split("/")
    .slice(1)
    .map((raw) => raw.replace(/~1/g, "/").replace(/~0/g, "~"))
    .map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment));
}

function expected(schema: SchemaNode | undefined): string {
  if (!schema) return "";
  const example = schema.examples?.length ? ` (e.g. ${quote(schema.examples[0])})` : "";
  return schema.description ? `; expected ${schema.description}${example}` : example;
}

/** For errors about a key (missing or unknown), the key, so the path can point at it. */
function offendingKey(error: ErrorObject): string | undefined {
  if (error.keyword === "required")
    return (error.params as { missingProperty: string }).missingProperty;
  if (error.keyword === "additionalProperties")
    return (error.params as { additionalProperty: string }).additionalProperty;
  return undefined;
}

function describe(error: ErrorObject): string {
  const schema = error.parentSchema as SchemaNode | undefined;
  const value = error.data;
  switch (error.keyword) {
    case "required": {
      const missing = (error.params as { missingProperty: string }).missingProperty;
      return `required key is missing${expected(schema?.properties?.[missing])}`;
    }
    case "additionalProperties": {
      const key = (error.params as { additionalProperty: string }).additionalProperty;
      const known = Object.keys(schema?.properties ?? {});
      if (schema?.patternProperties) {
        const [pattern] = Object.keys(schema.patternProperties);
        return `${quote(key)} is not a valid key; keys must match ${pattern}`;
      }
      const suggestion = closestKey(key, known);
      const hint = suggestion
        ? `; did you mean ${quote(suggestion)}?`
        : `; allowed keys: ${known.map((k) => quote(k)).join(", ")}`;
      return `unknown key${hint}`;
    }
    case "type":
      return `${quote(value)} is not ${article((error.params as { type: string }).type)}${expected(schema)}`;
    case "enum":
      return `${quote(value)} is not allowed; expected one of ${(schema?.enum ?? []).map((v) => quote(v)).join(", ")}`;
    case "minimum":
    case "maximum":
      return `${quote(value)} is out of range; expected a number from ${schema?.minimum ?? "-∞"} to ${schema?.maximum ?? "∞"}${expected(schema)}`;
    case "minItems":
      return `${quote(value)} has too few items; expected at least ${(error.params as { limit: number }).limit}${expected(schema)}`;
    case "uniqueItems":
      return `${quote(value)} repeats an item; expected each item once${expected(schema)}`;
    default:
      return `${quote(value)} is invalid${expected(schema) || `: ${error.message}`}`;
  }
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}
