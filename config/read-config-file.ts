import { readFileSync } from "node:fs";
import { findDuplicateKeys } from "../lib/json-duplicate-keys";
import { jsonPath, quote, type ConfigProblem } from "./problems";
import { schemaProblems } from "./schema-messages";
import { withoutRejectedValues, type ValuePath } from "./schema-repair";
import type { SchemaValidator } from "./schema-validation";

export interface ConfigFileReading<T> {
  /**
   * The content, when it is valid JSON that passes the schema, or passes it once the values the
   * schema rejected are taken out or stood in for (see `rejected`).
   */
  readonly data?: T;
  /** The parsed content whatever the schema said, when it is valid JSON. */
  readonly json?: unknown;
  /** Where `data` holds no value of the user's, because the schema rejected what was there. */
  readonly rejected: readonly ValuePath[];
  readonly problems: readonly ConfigProblem[];
}

/**
 * Reads one configuration file: JSON syntax, keys written twice (JSON.parse would silently keep
 * the last), then the JSON Schema. `rel` is the file's path as problems name it.
 */
export function readConfigFile<T>(
  path: string,
  rel: string,
  schemaFile: string,
  validator: SchemaValidator,
): ConfigFileReading<T> {
  const text = readFileSync(path, "utf8");
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return {
      rejected: [],
      problems: [
        {
          file: rel,
          path: "$",
          message: `is not valid JSON (${syntaxError(error as Error, text)}); fix the syntax`,
        },
      ],
    };
  }
  const duplicates = findDuplicateKeys(text).map(
    ({ path: segments, occurrences }): ConfigProblem => ({
      file: rel,
      path: jsonPath(segments),
      message: `${quote(segments[segments.length - 1])} is written ${occurrences} times in this object, and JSON keeps only the last value; expected it once`,
    }),
  );
  const errors = validator.errors(schemaFile, json);
  const problems = [...duplicates, ...schemaProblems(errors, rel)];
  if (errors.length === 0) return { data: json as T, json, rejected: [], problems };
  const repair = withoutRejectedValues(json, errors, (data) => validator.errors(schemaFile, data));
  return {
    data: repair?.data as T | undefined,
    json,
    rejected: repair?.rejected ?? [],
    problems,
  };
}

/** The parser's message, with the line and column of the position it names. */
function syntaxError(error: Error, text: string): string {
  const position = /at position (\d+)/.exec(error.message);
  if (!position) return error.message;
  const before = text.slice(0, Number(position[1]));
  const line = before.split("\n").length;
  const column = before.length - before.lastIndexOf("\n");
  return `${error.message.replace(/ \(line \d+ column \d+\)$/, "")}, line ${line} column ${column}`;
}
