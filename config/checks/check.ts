import type { EnvironmentConfig, ServiceConfig } from "../model";
import type { ConfigProblem } from "../problems";

/** Everything a semantic check can look at: every environment, with its services resolved. */
export interface ProjectConfig {
  readonly environments: readonly EnvironmentConfig[];
  readonly services: readonly ServiceConfig[];
  /**
   * Services whose manifest exists but failed its schema (by folder and declared name): checks
   * neither see them nor call references to them unknown, to avoid follow-on errors.
   */
  readonly unresolvedServices?: readonly string[];
}

/** A semantic check: returns every problem it finds, never throws. */
export type Check = (project: ProjectConfig) => ConfigProblem[];
