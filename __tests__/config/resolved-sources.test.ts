import fc from "fast-check";
import { ENVIRONMENT_SCHEMA_FILE, SERVICE_SCHEMA_FILE } from "../../config/load";
import { RejectedValues, type Sources } from "../../config/rejected-values";
import { resolveEnvironment, resolveService } from "../../config/resolve";
import { environmentSources, serviceSources } from "../../config/resolved-sources";
import { SchemaValidator } from "../../config/schema-validation";
import { validProject, type Json } from "../support/config-arbitraries";

const validator = new SchemaValidator();

/** Every value of a resolved object by its path (arrays whole), its services left aside. */
function leaves(value: unknown, path: string[] = []): Map<string, string> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return new Map([[path.join("."), JSON.stringify(value)]]);
  }
  return new Map(
    Object.entries(value)
      .filter(([key]) => !(path.length === 0 && key === "services"))
      .flatMap(([key, inner]) => [...leaves(inner, [...path, key])]),
  );
}

const isObject = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** The paths (into objects, arrays whole) where `from` and `to` write different values. */
function writtenDifferences(from: Json, to: Json, path: string[] = []): string[][] {
  const keys = [...new Set([...Object.keys(from), ...Object.keys(to)])];
  return keys.flatMap((key) => {
    const [a, b] = [from[key], to[key]];
    if (isObject(a) && isObject(b)) return writtenDifferences(a, b, [...path, key]);
    return JSON.stringify(a) === JSON.stringify(b) ? [] : [[...path, key]];
  });
}

/** The document with the value at `path` as `from` has it (absent when `from` has none). */
function withValue(document: Json, path: string[], from: Json): Json {
  const copy = structuredClone(document);
  const parent = path.slice(0, -1).reduce((object, key) => object[key], copy);
  const source = path.reduce<unknown>(
    (object, key) => (isObject(object) ? object[key] : undefined),
    from,
  );
  const last = path[path.length - 1];
  if (source === undefined) delete parent[last];
  else parent[last] = structuredClone(source);
  return copy;
}

/**
 * Each written value of `document`, one at a time, set to what `other` writes there: every
 * resolved value that changes must count the written one among its sources, or a check could
 * read a value derived from a rejected one.
 */
function expectSourcesComplete(
  document: Json,
  other: Json,
  schemaFile: string,
  resolve: (document: Json) => unknown,
  sources: Sources,
) {
  const before = leaves(resolve(document));
  for (const path of writtenDifferences(document, other)) {
    if (path[0] === "name" || path[0] === "services") continue; // never rejected; resolved apart
    const changed = withValue(document, path, other);
    if (validator.errors(schemaFile, changed).length > 0) continue;
    const after = leaves(resolve(changed));
    const rejected = new RejectedValues([path], sources);
    for (const [resolved, value] of after) {
      if (before.get(resolved) === value) continue;
      expect({
        written: path.join("."),
        resolved,
        covered: rejected.covers(resolved.split(".")),
      }).toEqual({ written: path.join("."), resolved, covered: true });
    }
  }
}

describe("the sources of each resolved value", () => {
  it("include every written value of an environment that changes it", () => {
    fc.assert(
      fc.property(validProject, validProject, (first, second) => {
        const [env] = first.environments;
        const resolve = (document: Json) =>
          resolveEnvironment("environments/x.json", document as never, []);
        expectSourcesComplete(
          env,
          second.environments[0],
          ENVIRONMENT_SCHEMA_FILE,
          resolve,
          environmentSources,
        );
      }),
      { numRuns: 100 },
    );
  });

  it("include every written value of a service that changes it", () => {
    fc.assert(
      fc.property(validProject, validProject, (first, second) => {
        const resolve = (manifest: Json) =>
          resolveService({
            file: "services/x/service.json",
            directory: "services/x",
            manifest,
          } as never);
        expectSourcesComplete(
          first.services[0],
          second.services[0],
          SERVICE_SCHEMA_FILE,
          resolve,
          serviceSources,
        );
      }),
      { numRuns: 100 },
    );
  });
});
