import { Testing } from "cdktf";
import { loadProject } from "../../config/load";
import type { EnvironmentConfig } from "../../config/model";
import { EnvironmentStack, type SourceSettings } from "../../main";
import { StateStack } from "../../stacks/state-stack";
import { parseSynth, type Synthesized } from "./synth";

/** The repository's own configuration, as synthesis loads it. */
export const PROJECT = loadProject(".");

/** Fixed image tags and layout, so stack tests do not depend on the services' current content. */
export const TEST_SOURCE: SourceSettings = {
  imageTags: { users: "0123456789abcdef", products: "fedcba9876543210" },
  projectDir: "../../..",
};

/** Synthesizes with validations on, as `cdktf synth` does: the security policy fails on any violation. */
export function synthEnvironmentStack(
  env: EnvironmentConfig,
  source: SourceSettings = TEST_SOURCE,
): Synthesized {
  return parseSynth(Testing.synth(new EnvironmentStack(Testing.app(), env, source), true));
}

/** The repository's environment of that name, synthesized. */
export function synthEnvironment(name: string): Synthesized {
  const env = PROJECT.environments.find((e) => e.name === name);
  if (!env) throw new Error(`no environment ${name}`);
  return synthEnvironmentStack(env);
}

export function synthStateStack(
  environments: readonly EnvironmentConfig[] = PROJECT.environments,
): Synthesized {
  return parseSynth(
    Testing.synth(
      new StateStack(Testing.app(), {
        environments,
        localStatePath: "/project/terraform.state.tfstate",
      }),
      true,
    ),
  );
}
