import type { Emulators } from "../emulators";
import { withDirectoryLock } from "../terraform-cli/directory-lock";
import { terraformEnv } from "../terraform-cli/terraform-env";
import { writeTerraformCliConfig, type TerraformCli } from "../terraform-cli/write-cli-config";
import { offlineBackendConfig } from "./backend-config";
import type { OfflineStackContext } from "./init-stack";
import { createLimiter, type Limiter } from "./limiter";
import { s3Backend, stateStores } from "./s3-backend";
import { stackProviderRequirements } from "./stack-requirements";
import type { SynthesizedStack } from "./synthesized-stack";

export interface OfflineSetupOptions {
  /** The project root: holds the CLI configuration folder. */
  readonly root: string;
  readonly stacks: readonly SynthesizedStack[];
  /** The stand-ins the stacks' backends are pointed at. */
  readonly emulators: Emulators;
  readonly signal?: AbortSignal;
}

export interface OfflineSetup {
  readonly cli: TerraformCli;
  readonly context: OfflineStackContext;
}

/** One `terraform init` at a time, in this process and across processes sharing the plugin cache. */
function pluginCacheWriters(lockDir: string): Limiter {
  const inProcess = createLimiter(1);
  return { run: (task) => inProcess.run(() => withDirectoryLock(lockDir, task)) };
}

/**
 * Gets stacks ready for terraform against the stand-ins: checks their backends, writes the CLI
 * configuration for their providers, creates their buckets and lock tables in the emulators, and
 * returns what `initStackOffline` needs. Called again with restarted emulators, it points the
 * backend configuration at their new endpoints.
 */
export async function prepareOfflineRuns(options: OfflineSetupOptions): Promise<OfflineSetup> {
  const backends = options.stacks.map((stack) => s3Backend(stack.name, stack.config));
  const cli = writeTerraformCliConfig(options.root, stackProviderRequirements(options.stacks));
  const { emulators } = options;
  await emulators.provisionStateStores(stateStores(backends));
  return {
    cli,
    context: {
      env: terraformEnv({ cliConfigFile: cli.configFile, offline: true }),
      credentials: emulators.credentials,
      backendConfig: offlineBackendConfig(emulators.endpoints, emulators.credentials),
      initLimiter: pluginCacheWriters(cli.pluginCacheLock),
      signal: options.signal,
    },
  };
}
