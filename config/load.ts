import { existsSync, readdirSync, readFileSync } from "node:fs";
import { basename, join, relative } from "node:path";
import { runChecks, type ProjectConfig } from "./checks";
import type { ServiceConfig } from "./model";
import { ConfigError, quote, type ConfigProblem } from "./problems";
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
 * resolved configuration. Throws a ConfigError listing every problem found, never just the first.
 */
export function loadProject(root: string = process.cwd()): ProjectConfig {
  const problems: ConfigProblem[] = [];
  const validator = new SchemaValidator();

  const parse = <T>(file: string, schemaFile: string): T | undefined => {
    const rel = relative(root, file);
    let data: unknown;
    try {
      data = JSON.parse(readFileSync(file, "utf8"));
    } catch (error) {
      problems.push({
        file: rel,
        path: "$",
        message: `is not valid JSON (${(error as Error).message}); fix the syntax`,
      });
      return undefined;
    }
    const found = validator.validate(schemaFile, data, rel);
    problems.push(...found);
    return found.length === 0 ? (data as T) : undefined;
  };

  const services: ServiceConfig[] = [];
  for (const dir of listDirs(join(root, SERVICES_DIR))) {
    const file = join(root, SERVICES_DIR, dir, MANIFEST_FILE);
    if (!existsSync(file)) continue;
    const manifest = parse<ServiceFile>(file, SERVICE_SCHEMA_FILE);
    if (!manifest) continue;
    if (manifest.name !== dir) {
      problems.push({
        file: relative(root, file),
        path: "$.name",
        message: `${quote(manifest.name)} differs from its folder ${quote(dir)}; expected ${quote(dir)} (or rename the folder)`,
      });
    }
    services.push(
      resolveService({ file: relative(root, file), directory: join(SERVICES_DIR, dir), manifest }),
    );
  }

  const environments = listFiles(join(root, ENVIRONMENTS_DIR), ".json").flatMap((name) => {
    const file = join(root, ENVIRONMENTS_DIR, name);
    const env = parse<EnvironmentFile>(file, ENVIRONMENT_SCHEMA_FILE);
    if (!env) return [];
    const stem = basename(name, ".json");
    if (env.name !== stem) {
      problems.push({
        file: relative(root, file),
        path: "$.name",
        message: `${quote(env.name)} differs from the file name; expected ${quote(stem)} (the stack is named after the file)`,
      });
    }
    return [resolveEnvironment(relative(root, file), env, services)];
  });

  if (environments.length === 0 && problems.length === 0) {
    problems.push({
      file: ENVIRONMENTS_DIR,
      path: "$",
      message: "no environment file found; expected at least one, e.g. environments/dev.json",
    });
  }
  if (services.length === 0 && problems.length === 0) {
    problems.push({
      file: SERVICES_DIR,
      path: "$",
      message: `no service manifest found; expected at least one, e.g. services/users/${MANIFEST_FILE}`,
    });
  }

  const project: ProjectConfig = { environments, services };
  if (problems.length === 0) problems.push(...runChecks(project));
  if (problems.length > 0) throw new ConfigError(problems);
  return project;
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
