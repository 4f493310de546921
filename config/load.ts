import { existsSync, readdirSync } from "node:fs";
import { basename, join } from "node:path";
import { runChecks, writtenConfig } from "./checks";
import type { EnvironmentConfig, ProjectConfig, ServiceConfig } from "./model";
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
 * the semantic checks run on every file, without the values its schema rejected, and say nothing
 * more about those values; a file the schema rejects as a whole is left out of them.
 */
export function loadProject(root: string = process.cwd()): ProjectConfig {
  const problems: ConfigProblem[] = [];
  const validator = new SchemaValidator();
  const removed = new Map<string, readonly string[]>();
  const read = <T>(file: string, schemaFile: string) => {
    const reading = readConfigFile<T>(join(root, file), file, schemaFile, validator);
    problems.push(...reading.problems);
    removed.set(file, reading.removed);
    return reading;
  };

  const services: ServiceConfig[] = [];
  const writtenServices = new Map<string, ServiceFile>();
  const writtenEnvironments = new Map<string, EnvironmentFile>();
  const unresolvedServices: string[] = [];
  const serviceDirs = listDirs(join(root, SERVICES_DIR)).filter((dir) =>
    existsSync(join(root, SERVICES_DIR, dir, MANIFEST_FILE)),
  );
  for (const dir of serviceDirs) {
    const file = [SERVICES_DIR, dir, MANIFEST_FILE].join("/");
    const reading = read<ServiceFile>(file, SERVICE_SCHEMA_FILE);
    const manifest = reading.data;
    if (!manifest) {
      unresolvedServices.push(dir, ...declaredName(reading.json));
      continue;
    }
    if (manifest.name !== dir) {
      const taken = serviceDirs.includes(manifest.name);
      problems.push({
        file,
        path: "$.name",
        message: taken
          ? `${quote(manifest.name)} is already the service in ${SERVICES_DIR}/${manifest.name}; expected ${quote(dir)}, the name of its folder (service names are unique)`
          : `${quote(manifest.name)} differs from its folder ${quote(dir)}; expected ${quote(dir)} (or rename the folder)`,
      });
      unresolvedServices.push(dir, manifest.name);
      continue;
    }
    writtenServices.set(file, manifest);
    services.push(resolveService({ file, directory: [SERVICES_DIR, dir].join("/"), manifest }));
  }

  const environmentFiles = listFiles(join(root, ENVIRONMENTS_DIR), ".json");
  const environments: EnvironmentConfig[] = [];
  for (const name of environmentFiles) {
    const file = [ENVIRONMENTS_DIR, name].join("/");
    const reading = read<EnvironmentFile>(file, ENVIRONMENT_SCHEMA_FILE);
    const env = reading.data;
    if (!env) continue;
    const stem = basename(name, ".json");
    if (env.name !== stem) {
      problems.push({
        file,
        path: "$.name",
        message: `${quote(env.name)} differs from the file name; expected ${quote(stem)} (the stack is named after the file)`,
      });
      continue;
    }
    writtenEnvironments.set(file, env);
    environments.push(resolveEnvironment(file, env, services));
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

  const project: ProjectConfig = { environments, services };
  const aboutRemoved = (problem: ConfigProblem) =>
    (removed.get(problem.file) ?? []).some(
      (path) =>
        problem.path === path ||
        problem.path.startsWith(`${path}.`) ||
        problem.path.startsWith(`${path}[`),
    );
  const written = writtenConfig(writtenEnvironments, writtenServices);
  problems.push(
    ...runChecks({ ...project, unresolvedServices, written }).filter(
      (problem) => !aboutRemoved(problem),
    ),
  );
  if (problems.length > 0) throw new ConfigError(byFile(problems));
  return project;
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
