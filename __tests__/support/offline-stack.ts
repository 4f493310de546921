import { initStackOffline } from "../../lib/offline-plan/init-stack";
import type { OfflineSetup } from "../../lib/offline-plan/offline-setup";
import { s3Backend, type S3BackendSettings } from "../../lib/offline-plan/s3-backend";
import type { SynthesizedStack } from "../../lib/offline-plan/synthesized-stack";

/** The stack's S3 backend; fails when the stack has none. */
export function s3BackendOf(stack: SynthesizedStack): S3BackendSettings {
  const backend = s3Backend(stack.name, stack.config);
  if (backend === undefined) throw new Error(`${stack.name} has no S3 backend`);
  return backend;
}

/** `initStackOffline`, failing with terraform's error when init fails. */
export async function initStack(
  stack: SynthesizedStack,
  workDir: string,
  setup: OfflineSetup,
): Promise<void> {
  const init = await initStackOffline(stack, workDir, setup.context);
  if (init.exitCode !== 0) throw new Error(`terraform init failed in ${workDir}:\n${init.stderr}`);
}
