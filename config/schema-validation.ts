import type AjvClass from "ajv";
import type { ErrorObject, ValidateFunction } from "ajv";
import type standaloneCodeFunction from "ajv/dist/standalone";
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { ConfigProblem } from "./problems";
import { schemaProblems } from "./schema-messages";

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
    return schemaProblems(this.errors(schemaFile, data), file);
  }

  /** ajv's errors for the data, none when it is valid. */
  errors(schemaFile: string, data: unknown): readonly ErrorObject[] {
    let validate = this.compiled.get(schemaFile);
    if (!validate) {
      validate = loadValidator(schemaFile);
      this.compiled.set(schemaFile, validate);
    }
    return validate(data) ? [] : [...(validate.errors ?? [])];
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
