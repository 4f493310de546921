import {
  mergeProviderRequirements,
  providerRequirements,
  type ProviderRequirement,
} from "../terraform-cli/provider-requirements";
import type { SynthesizedStack } from "./synthesized-stack";

/** The providers the stacks require, one entry per provider with every stack's constraint. */
export function stackProviderRequirements(
  stacks: readonly SynthesizedStack[],
): ProviderRequirement[] {
  return mergeProviderRequirements(
    stacks.flatMap((stack) => providerRequirements(stack.config.terraform?.required_providers)),
  );
}
