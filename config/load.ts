import { existsSync, readdirSync } from "node:fs";
import { basename, join } from "node:path";
import { checkProject, type CheckedEnvironment, type CheckedService } from "./checks";
import { editHistory } from "./edit-history";
import type { ProjectConfig } from "./model";
import { ConfigError, onePerField, quote, type ConfigProblem } from "./problems";
import { readConfigFile, type ConfigFileReading } from "./read-config-file";
import { resolveEnvironment, resolveService } from "./resolve";
import { SchemaValidator } from "./schema-validation";
import type { EnvironmentFile } from "./schema/environment";
import type { ServiceFile } from "./schema/service";

/** The JSON Schemas committed in the repository (generated from ./schema, checked by a test). */
export const SCHEMA_DIR = join(__dirname, "..", "schemas");
export const ENVIRONMENT_SCHEMA_FILE = join(SCHEMA_DIR, "environment.schema.json");
export const SERVICE_SCHEMA_FILE = join(SCHEMA_DIR, "service.schema.json");

export const ENVIRONMENTS_DIR = "environments";
export const SERVICES_DIR = "services";
export const MANIFEST_FILE = "service.json";

/**
 * Reads every environment (environments/*.json) and service manifest (services/<name>/service.json)
 * under root, validates them against the JSON Schemas and the semantic checks, and returns the
 * resolved configuration. Throws a ConfigError listing every problem found, never just the first:
 * a value the schema rejects is reported once, and every semantic check still runs on every
 * environment and service whose values it reads passed the schema (see checks/run-checks.ts).
 */
export function loadProject(root: string = process.cwd()): ProjectConfig {
  const problems: ConfigProblem[] = [];
  const validator = new SchemaValidator();
  const read = <T>(file: string, schemaFile: string) => {
    const reading = readConfigFile<T>(join(root, file), file, schemaFile, validator);
    problems.push(...reading.problems);
    return reading;
  };
  /**
   * The file as checks take it: named after its file or folder (the name it must have, whatever
   * it says; a different name is reported apart), with what the schema rejected besides its name.
   * Undefined when the schema refuses that name too.
   */
  const namedAfterFile = <T extends { name: string }>(
    reading: ConfigFileReading<T> & { readonly data: T },
    name: string,
    schemaFile: string,
  ) => {
    const data = { ...reading.data, name };
    if (reading.data.name !== name && validator.errors(schemaFile, data).length > 0) return;
    return { written: data, rejected: reading.rejected.filter((path) => path[0] !== "name") };
  };
  const nameRejected = (reading: ConfigFileReading<unknown>) =>
    reading.rejected.some((path) => path[0] === "name");

  const services: CheckedService[] = [];
  const unresolvedServices: string[] = [];
  const serviceDirs = listDirs(join(root, SERVICES_DIR)).filter((dir) =>
    existsSync(join(root, SERVICES_DIR, dir, MANIFEST_FILE)),
  );
  for (const dir of serviceDirs) {
    const file = [SERVICES_DIR, dir, MANIFEST_FILE].join("/");
    const reading = read<ServiceFile>(file, SERVICE_SCHEMA_FILE);
    if (!hasData(reading)) {
      unresolvedServices.push(dir, ...declaredName(reading.json));
      continue;
    }
    if (!nameRejected(reading) && reading.data.name !== dir) {
      const declared = reading.data.name;
      const taken = serviceDirs.includes(declared);
      problems.push({
        file,
        path: "$.name",
        message: taken
          ? `${quote(declared)} is already the service in ${SERVICES_DIR}/${declared}; expected ${quote(dir)}, the name of its folder (service names are unique)`
          : `${quote(declared)} differs from its folder ${quote(dir)}; expected ${quote(dir)} (or rename the folder)`,
      });
      unresolvedServices.push(declared);
    }
    const named = namedAfterFile(reading, dir, SERVICE_SCHEMA_FILE);
    if (!named) {
      unresolvedServices.push(dir);
      continue;
    }
    const directory = [SERVICES_DIR, dir].join("/");
    const resolved = resolveService({ file, directory, manifest: named.written });
    services.push({ ...named, resolved });
  }

  const environmentFiles = listFiles(join(root, ENVIRONMENTS_DIR), ".json");
  const environments: CheckedEnvironment[] = [];
  const resolvedServices = services.map((service) => service.resolved);
  for (const fileName of environmentFiles) {
    const file = [ENVIRONMENTS_DIR, fileName].join("/");
    const reading = read<EnvironmentFile>(file, ENVIRONMENT_SCHEMA_FILE);
    if (!hasData(reading)) continue;
    const stem = basename(fileName, ".json");
    if (!nameRejected(reading) && reading.data.name !== stem) {
      problems.push({
        file,
        path: "$.name",
        message: `${quote(reading.data.name)} differs from the file name; expected ${quote(stem)} (the stack is named after the file)`,
      });
    }
    const named = namedAfterFile(reading, stem, ENVIRONMENT_SCHEMA_FILE);
    if (!named) continue;
    environments.push({
      ...named,
      resolved: resolveEnvironment(file, named.written, resolvedServices),
    });
  }

  if (environmentFiles.length === 0) {
    problems.push({
      file: ENVIRONMENTS_DIR,
      path: "$",
      message: "no environment file found; expected at least one, e.g. environments/dev.json",
    });
  }
  if (serviceDirs.length === 0) {
    problems.push({
      file: SERVICES_DIR,
      path: "$",
      message: `no service manifest found; expected at least one, e.g. services/users/${MANIFEST_FILE}`,
    });
  }

  const edits = editHistory(root);
  problems.push(...checkProject({ environments, services, unresolvedServices, edits }));
  if (problems.length > 0) throw new ConfigError(byFile(onePerField(problems)));
  return {
    environments: environments.map((env) => env.resolved),
    services: resolvedServices,
  };
}

function hasData<T>(reading: ConfigFileReading<T>): reading is ConfigFileReading<T> & { data: T } {
  return reading.data !== undefined;
}

/** The name a manifest that failed its schema declares, if it declares one at all. */
function declaredName(json: unknown): string[] {
  const name = (json as { name?: unknown } | undefined)?.name;
  return typeof name === "string" ? [name] : [];
}

/** Problems grouped by file, files in the order their first problem was found, each file's in order. */
function byFile(problems: readonly ConfigProblem[]): ConfigProblem[] {
  const groups = new Map<string, ConfigProblem[]>();
  for (const problem of problems) {
    const group = groups.get(problem.file) ?? [];
    group.push(problem);
    groups.set(problem.file, group);
  }
  return [...groups.values()].flat();
}

function listDirs(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

function listFiles(dir: string, extension: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(extension))
    .map((entry) => entry.name)
    .sort();
}
