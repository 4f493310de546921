import type { EnvironmentConfig, ServiceConfig } from "../model";
import type { ConfigProblem } from "../problems";

/** Everything a semantic check can look at: every environment, with its services resolved. */
export interface ProjectConfig {
  readonly environments: readonly EnvironmentConfig[];
  readonly services: readonly ServiceConfig[];
}

/** A semantic check: returns every problem it finds, never throws. */
export type Check = (project: ProjectConfig) => ConfigProblem[];
