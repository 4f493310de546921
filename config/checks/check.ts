import type { EnvironmentConfig, ProjectConfig, ServiceConfig } from "../model";
import type { ConfigProblem } from "../problems";
import type { EnvironmentFile } from "../schema/environment";
import type { ServiceFile } from "../schema/service";

/**
 * The files as written (what their schema kept), for what resolution folds away: whether a field
 * was given at all, and an environment's overrides before they are applied.
 */
export interface WrittenConfig {
  environment(env: EnvironmentConfig): EnvironmentFile;
  service(service: ServiceConfig): ServiceFile;
}

/** Everything a semantic check can look at: every environment, with its services resolved. */
export interface CheckedProject extends ProjectConfig {
  /**
   * Services whose manifest exists but failed its schema (by folder and declared name): checks
   * neither see them nor call references to them unknown, to avoid follow-on errors.
   */
  readonly unresolvedServices?: readonly string[];
  readonly written: WrittenConfig;
}

/** A semantic check: returns every problem it finds, never throws. */
export type Check = (project: CheckedProject) => ConfigProblem[];

/** Lookups of the written files by the path each resolved environment and service came from. */
export function writtenConfig(
  environments: ReadonlyMap<string, EnvironmentFile>,
  services: ReadonlyMap<string, ServiceFile>,
): WrittenConfig {
  const find = <T>(files: ReadonlyMap<string, T>, file: string): T => {
    const written = files.get(file);
    if (!written) throw new Error(`${file} was resolved but never read`);
    return written;
  };
  return {
    environment: (env) => find(environments, env.file),
    service: (service) => find(services, service.file),
  };
}
