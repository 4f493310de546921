import { App } from "cdktf";
import { existsSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { loadProject } from "../config/load";
import type { EnvironmentConfig, ProjectConfig, ServiceConfig } from "../config/model";
import { synthesizeAtomically } from "../lib/atomic-synth";
import { dockerPlatform } from "../lib/docker-platform";
import { imageTag } from "../lib/image-tag";
import { SHARED_BUILD_CONTEXTS } from "../lib/shared-build-contexts";
import { collectViolationsAcrossStacks } from "../policy";

/** What an environment stack needs to know of the checkout it is synthesized from. */
export interface SourceSettings {
  /** Image tag per service: a content hash of its source. */
  readonly imageTags: Readonly<Record<string, string>>;
  /** The project root, relative to the stack's directory (where Terraform runs the image builds). */
  readonly projectDir: string;
}

/** The image tag of a service; throws when the checkout has no tag for it. */
export function imageTagOf(source: SourceSettings, service: string): string {
  const tag = source.imageTags[service];
  if (tag === undefined) throw new Error(`no image tag for service "${service}"`);
  return tag;
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
  const namedContexts = Object.fromEntries(
    Object.entries(SHARED_BUILD_CONTEXTS).map(([name, folder]) => {
      if (!existsSync(join(root, folder))) {
        throw new Error(
          `${folder}/ is missing: every service image is built with it (build context "${name}", lib/shared-build-contexts.ts); restore the folder, or remove the context there and from the Dockerfiles`,
        );
      }
      return [name, join(root, folder)];
    }),
  );
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

/** The steps of a synthesis, in order: what `npm run bench` times. */
export type SynthesisStep = "configuration" | "image tags" | "stacks" | "synthesis";

/**
 * Validates every configuration file under root, then runs `defineStacks` on a fresh app and
 * synthesizes it into outdir atomically: on any error, an earlier outdir stays as it was.
 * `onStepDone` hears the end of each step.
 */
export function synthesizeProject(
  root: string,
  outdir: string,
  defineStacks: (app: App, sources: ProjectSources) => void,
  onStepDone: (step: SynthesisStep) => void = () => {},
): void {
  const project = loadProject(root);
  onStepDone("configuration");
  const imageTags = serviceImageTags(root, project.services);
  onStepDone("image tags");
  const sourceFor = (env: EnvironmentConfig): SourceSettings => ({
    imageTags,
    projectDir: relative(resolve(outdir, "stacks", env.name), resolve(root)) || ".",
  });
  synthesizeAtomically(outdir, (stagingDir) => {
    const app = new App({ outdir: stagingDir, stackTraces: false });
    const policy = collectViolationsAcrossStacks(app);
    defineStacks(app, { project, root: resolve(root), sourceFor });
    onStepDone("stacks");
    app.synth();
    for (const warning of policy.warnings) console.warn(`security policy: ${warning}`);
  });
  onStepDone("synthesis");
}
