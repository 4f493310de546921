import { existsSync, readdirSync } from "node:fs";
import { basename, join } from "node:path";
import { checkProject, type CheckedEnvironment, type CheckedService } from "./checks";
import { editHistory } from "./edit-history";
import type { ProjectConfig } from "./model";
import { ConfigError, quote, type ConfigProblem } from "./problems";
import { readConfigFile } from "./read-config-file";
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
  /** The file's content named `name`, when the schema takes that name; undefined otherwise. */
  const renamed = <T extends { name: string }>(data: T, name: string, schemaFile: string) => {
    if (data.name === name) return data;
    const named = { ...data, name };
    return validator.errors(schemaFile, named).length === 0 ? named : undefined;
  };

  const services: CheckedService[] = [];
  const unresolvedServices: string[] = [];
  const serviceDirs = listDirs(join(root, SERVICES_DIR)).filter((dir) =>
    existsSync(join(root, SERVICES_DIR, dir, MANIFEST_FILE)),
  );
  for (const dir of serviceDirs) {
    const file = [SERVICES_DIR, dir, MANIFEST_FILE].join("/");
    const reading = read<ServiceFile>(file, SERVICE_SCHEMA_FILE);
    if (!reading.data) {
      unresolvedServices.push(dir, ...declaredName(reading.json));
      continue;
    }
    const nameRejected = reading.rejected.some((path) => path[0] === "name");
    if (!nameRejected && reading.data.name !== dir) {
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
    // A service is known by its folder: the name it must have, whatever the manifest says.
    const manifest = renamed(reading.data, dir, SERVICE_SCHEMA_FILE);
    if (!manifest) {
      unresolvedServices.push(dir);
      continue;
    }
    services.push({
      resolved: resolveService({ file, directory: [SERVICES_DIR, dir].join("/"), manifest }),
      written: manifest,
      rejected: reading.rejected.filter((path) => path[0] !== "name"),
    });
  }

  const environmentFiles = listFiles(join(root, ENVIRONMENTS_DIR), ".json");
  const environments: CheckedEnvironment[] = [];
  const resolvedServices = services.map((service) => service.resolved);
  for (const fileName of environmentFiles) {
    const file = [ENVIRONMENTS_DIR, fileName].join("/");
    const reading = read<EnvironmentFile>(file, ENVIRONMENT_SCHEMA_FILE);
    if (!reading.data) continue;
    const stem = basename(fileName, ".json");
    const nameRejected = reading.rejected.some((path) => path[0] === "name");
    if (!nameRejected && reading.data.name !== stem) {
      problems.push({
        file,
        path: "$.name",
        message: `${quote(reading.data.name)} differs from the file name; expected ${quote(stem)} (the stack is named after the file)`,
      });
    }
    // An environment is known by its file: the name it must have, whatever the file says.
    const env = renamed(reading.data, stem, ENVIRONMENT_SCHEMA_FILE);
    if (!env) continue;
    environments.push({
      resolved: resolveEnvironment(file, env, resolvedServices),
      written: env,
      rejected: reading.rejected.filter((path) => path[0] !== "name"),
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

/** The first problem found at each field of each file (the schema's come first). */
function onePerField(problems: readonly ConfigProblem[]): ConfigProblem[] {
  const seen = new Set<string>();
  return problems.filter((problem) => {
    const key = `${problem.file}\0${problem.path}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
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
