import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { TerraformStack, Testing, type App } from "cdktf";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  applySecurityPolicy,
  collectViolationsAcrossStacks,
  formatViolation,
  PolicyViolationError,
  type PolicyViolation,
} from "../../policy";
import type { TerraformJson } from "./synth";

/** The name of the stacks policy tests build: violation lines start with it. */
export const POLICY_STACK = "test";

/** A fresh stack under the security policy, with an AWS provider. */
export function policyStack(app: App = Testing.app(), name = POLICY_STACK): TerraformStack {
  const stack = new TerraformStack(app, name);
  new AwsProvider(stack, "aws", { region: "us-east-1" });
  applySecurityPolicy(stack);
  return stack;
}

/** The violations synthesis of what `build` adds to a policy stack fails with (none: it passed). */
export function violationsOf(build: (stack: TerraformStack) => void): PolicyViolation[] {
  const stack = policyStack();
  build(stack);
  try {
    Testing.synth(stack, true);
    return [];
  } catch (error) {
    if (error instanceof PolicyViolationError) return [...error.violations];
    throw error;
  }
}

/** The lines a failed synthesis prints, one per violation. */
export function violationLines(build: (stack: TerraformStack) => void): string[] {
  return violationsOf(build).map(formatViolation);
}

/**
 * The stack's cdk.tf.json as a full synthesis writes it, `//` comments included, whatever
 * violations it has (they are collected for the app, whose validation does not run here).
 */
export function fullSynth(build: (stack: TerraformStack) => void): TerraformJson & {
  "//"?: Record<string, any>;
} {
  const app = Testing.app();
  collectViolationsAcrossStacks(app);
  const stack = policyStack(app);
  build(stack);
  const outdir = Testing.fullSynth(stack);
  return JSON.parse(readFileSync(join(outdir, "stacks", POLICY_STACK, "cdk.tf.json"), "utf8"));
}
