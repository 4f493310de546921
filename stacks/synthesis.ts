import { App } from "cdktf";
import { join, relative, resolve } from "node:path";
import type { ProjectConfig } from "../config/checks";
import { loadProject } from "../config/load";
import type { EnvironmentConfig, ServiceConfig } from "../config/model";
import { ConfigError, formatProblem } from "../config/problems";
import { synthesizeAtomically } from "../lib/atomic-synth";
import { dockerPlatform } from "../lib/docker-platform";
import { imageTag } from "../lib/image-tag";
import { mapValues } from "../lib/map-values";
import { SHARED_BUILD_CONTEXTS } from "../lib/shared-build-contexts";
import { collectViolationsAcrossStacks, formatViolation, PolicyViolationError } from "../policy";

/** What an environment stack needs to know of the checkout it is synthesized from. */
export interface SourceSettings {
  /** Image tag per service: a content hash of its source. */
  readonly imageTags: Readonly<Record<string, string>>;
  /** The project root, relative to the stack's directory (where Terraform runs the image builds). */
  readonly projectDir: string;
}

export interface ProjectSources {
  readonly project: ProjectConfig;
  /** The project root, absolute. */
  readonly root: string;
  sourceFor(env: EnvironmentConfig): SourceSettings;
}

/** Each service's image tag: a hash of its Docker build contexts and target platform. */
export function serviceImageTags(
  root: string,
  services: readonly ServiceConfig[],
): Record<string, string> {
  const namedContexts = mapValues(SHARED_BUILD_CONTEXTS, (folder) => join(root, folder));
  return Object.fromEntries(
    services.map((s) => [
      s.name,
      imageTag(join(root, s.directory), {
        platform: dockerPlatform(s.cpuArchitecture),
        namedContexts,
      }),
    ]),
  );
}

/**
 * Validates every configuration file under root, then runs `defineStacks` on a fresh app and
 * synthesizes it into outdir atomically: on any error, an earlier outdir stays as it was.
 */
export function synthesizeProject(
  root: string,
  outdir: string,
  defineStacks: (app: App, sources: ProjectSources) => void,
): void {
  const project = loadProject(root);
  const imageTags = serviceImageTags(root, project.services);
  const sourceFor = (env: EnvironmentConfig): SourceSettings => ({
    imageTags,
    projectDir: relative(resolve(outdir, "stacks", env.name), resolve(root)) || ".",
  });
  synthesizeAtomically(outdir, (stagingDir) => {
    const app = new App({ outdir: stagingDir, stackTraces: false });
    const policy = collectViolationsAcrossStacks(app);
    defineStacks(app, { project, root: resolve(root), sourceFor });
    app.synth();
    for (const warning of policy.warnings) console.warn(`security policy: ${warning}`);
  });
}

/**
 * Runs a synthesis as a command: configuration problems and security policy violations are
 * printed one per line, exit code 1.
 */
export function exitOnConfigError(synthesis: () => void): void {
  try {
    synthesis();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(
        `Synthesis stopped: ${error.problems.length} configuration problem(s), nothing written.`,
      );
      for (const problem of error.problems) console.error(formatProblem(problem));
      process.exit(1);
    }
    if (error instanceof PolicyViolationError) {
      console.error(
        `Synthesis stopped: ${error.violations.length} security policy violation(s), nothing written.`,
      );
      for (const violation of error.violations) console.error(formatViolation(violation));
      process.exit(1);
    }
    throw error;
  }
}
