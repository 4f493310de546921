// The image build steps of the real project, as `npm run synth` writes them: Terraform runs each
// from the stack's directory, so its working_dir must lead back to the project, and what it
// names there (the script, the Dockerfile, the build contexts) must exist.
import {
  accessSync,
  constants,
  existsSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  rmSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { synthesize } from "../../main";
import { PROJECT } from "../support/stacks";
import { ROOT } from "./support/local-stack";

interface BuildStep {
  readonly provisioner: {
    readonly "local-exec": {
      readonly command: string;
      readonly working_dir: string;
      readonly environment: Record<string, string>;
    };
  }[];
}

const outdir = mkdtempSync(join(tmpdir(), "image-build-step-"));
beforeAll(() => synthesize(ROOT, outdir));
afterAll(() => rmSync(outdir, { recursive: true, force: true }));

describe.each(PROJECT.environments.map((env) => [env.name] as const))("the %s stack", (stack) => {
  /** Each service's build step, with its working directory resolved from the stack's directory. */
  function buildSteps() {
    const json = JSON.parse(readFileSync(join(outdir, "stacks", stack, "cdk.tf.json"), "utf8"));
    const steps = Object.entries(json.resource?.terraform_data ?? {}) as [string, BuildStep][];
    return steps.map(([id, step]) => {
      const exec = step.provisioner[0]["local-exec"];
      return { id, exec, dir: resolve(outdir, "stacks", stack, exec.working_dir) };
    });
  }

  it("has one image build step per service", () => {
    expect(buildSteps()).toHaveLength(PROJECT.services.length);
  });

  it("runs each from the project root", () => {
    for (const { id, dir } of buildSteps()) {
      expect({ id, dir: realpathSync(dir) }).toEqual({ id, dir: realpathSync(ROOT) });
    }
  });

  it("runs a build script that exists and is executable", () => {
    for (const { exec, dir } of buildSteps()) {
      expect(() => accessSync(join(dir, exec.command), constants.X_OK)).not.toThrow();
    }
  });

  it("builds from a Dockerfile, a build context and named contexts that exist", () => {
    for (const { exec, dir } of buildSteps()) {
      const { DOCKERFILE, BUILD_CONTEXT, BUILD_CONTEXTS } = exec.environment;
      const named = BUILD_CONTEXTS.split("\n").map((pair) => pair.split("=")[1]);
      expect(named.length).toBeGreaterThan(0);
      for (const path of [DOCKERFILE, BUILD_CONTEXT, ...named]) {
        expect({ path, exists: existsSync(join(dir, path)) }).toEqual({ path, exists: true });
      }
    }
  });
});
