import type { EditHistory } from "../edit-history";
import type { EnvironmentConfig, ProjectConfig, ServiceConfig } from "../model";
import type { ConfigProblem } from "../problems";
import type { ValuePath } from "../schema-repair";
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

/**
 * Everything a semantic check can look at: the environments, with their services resolved, and
 * the services. A check sees every environment and service whose values it reads are the user's;
 * reading one the schema rejected leaves that environment or service out of the check (see
 * run-checks.ts).
 */
export interface CheckedProject extends ProjectConfig {
  /** The name of every service of the project, whether or not this check sees it. */
  readonly serviceNames: readonly string[];
  /**
   * Names of manifests that failed to load or to be named after their folder (by folder and
   * declared name): checks do not call references to them unknown, to avoid follow-on errors.
   */
  readonly unresolvedServices: readonly string[];
  readonly written: WrittenConfig;
  /** Which side of a clash between two files the user edited: where the clash is reported. */
  readonly edits: EditHistory;
}

/** A semantic check: returns every problem it finds, never throws. */
export type Check = (project: CheckedProject) => ConfigProblem[];

/** One configuration file as the checks get it. */
export interface CheckedFile<Resolved, Written> {
  readonly resolved: Resolved;
  /** What its schema kept of the file, rejected values taken out or stood in for. */
  readonly written: Written;
  /** Where the schema rejected a value: the file's values the checks may not read. */
  readonly rejected: readonly ValuePath[];
}

export type CheckedEnvironment = CheckedFile<EnvironmentConfig, EnvironmentFile>;
export type CheckedService = CheckedFile<ServiceConfig, ServiceFile>;

/** Every file the checks run on. */
export interface CheckedFiles {
  readonly environments: readonly CheckedEnvironment[];
  readonly services: readonly CheckedService[];
  readonly unresolvedServices: readonly string[];
  readonly edits: EditHistory;
}
