import { App } from "cdktf";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadProject } from "../config/load";
import type { EnvironmentConfig } from "../config/model";
import { readSynthesizedStacks } from "../lib/offline-plan/synthesized-stack";
import type { StackDocument } from "../lib/synthesized/stack-resources";
import { EnvironmentStack, synthesize } from "../main";
import { serviceImageTags } from "../stacks/synthesis";

/** An environment of the configuration with its stack as synthesis writes it. */
export interface SynthesizedEnvironment {
  readonly config: EnvironmentConfig;
  readonly document: StackDocument;
}

function withTempDir<T>(use: (dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), "synth-"));
  try {
    return use(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Synthesizes the project under root into a temporary folder (cdktf.out is left alone) and
 * returns each environment's stack, in the configuration's order.
 */
export function synthesizeEnvironments(root: string): SynthesizedEnvironment[] {
  return withTempDir((dir) => {
    const outdir = join(dir, "cdktf.out");
    synthesize(root, outdir);
    const stacks = new Map(readSynthesizedStacks(outdir).map((s) => [s.name, s.config]));
    return loadProject(root).environments.map((config) => ({
      config,
      document: stacks.get(config.name) as StackDocument,
    }));
  });
}

/**
 * The stack of an environment whose resolved configuration was changed (a what-if), synthesized
 * by the same code as the real one.
 */
export function synthesizeVariant(root: string, env: EnvironmentConfig): StackDocument {
  return withTempDir((dir) => {
    const app = new App({ outdir: dir, stackTraces: false });
    const services = env.services;
    new EnvironmentStack(app, env, {
      imageTags: serviceImageTags(root, services),
      projectDir: ".",
    });
    app.synth();
    return JSON.parse(
      readFileSync(join(dir, "stacks", env.name, "cdk.tf.json"), "utf8"),
    ) as StackDocument;
  });
}
