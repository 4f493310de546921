import type { Limiter } from "./limiter";
import type { OfflineCredentials } from "./offline-credentials";
import { offlineOverride } from "./offline-override";
import { s3Backend } from "./s3-backend";
import type { SynthesizedStack } from "./synthesized-stack";
import { runTerraform, type TerraformRun } from "./terraform-process";
import { prepareWorkingDir } from "./working-dir";

/** What running terraform offline needs, shared by every stack of a run. */
export interface OfflineStackContext {
  readonly env: NodeJS.ProcessEnv;
  readonly credentials: OfflineCredentials;
  /** `-backend-config` arguments pointing S3 backends at the stand-ins. */
  readonly backendConfig: readonly string[];
  /** Serializes `init`: the plugin cache is not safe for concurrent writers. */
  readonly initLimiter: Limiter;
  readonly signal?: AbortSignal;
}

/**
 * Makes `workDir` a copy of the stack with the offline override and runs `terraform init` there,
 * its S3 backend (if any) pointed at the stand-ins. `-reconfigure`: stand-ins started again listen
 * on other ports, and the backend must follow them rather than migrate state.
 */
export function initStackOffline(
  stack: SynthesizedStack,
  workDir: string,
  context: OfflineStackContext,
): Promise<TerraformRun> {
  const backend = s3Backend(stack.name, stack.config);
  prepareWorkingDir(stack.directory, workDir, offlineOverride(stack.config, context.credentials));
  return context.initLimiter.run(() =>
    runTerraform(
      [
        "init",
        "-input=false",
        "-no-color",
        "-reconfigure",
        ...(backend === undefined ? [] : context.backendConfig),
      ],
      { cwd: workDir, env: context.env, signal: context.signal },
    ),
  );
}
