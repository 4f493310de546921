import { existsSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { runTerraform } from "../../lib/offline-plan/terraform-process";
import { terraformEnv } from "../../lib/terraform-cli/terraform-env";
import { pollUntil } from "./poll";
import { Gate, WAIT_AT_GATE } from "./state-fixtures";
import { tempDir } from "./temp-dir";

export interface HeldLock {
  /** Lets the holder finish its apply, which releases the lock. */
  release(): Promise<void>;
}

/**
 * Holds the lock of a local state file the way Terraform itself does: an apply on that file whose
 * only resource waits at a gate. Resolves once the lock is taken (its lock info file written).
 */
export async function holdLocalStateLock(statePath: string): Promise<HeldLock> {
  const dir = tempDir("lock-holder-");
  const gate = new Gate(join(dir, "gate"));
  const config = {
    terraform: { backend: { local: { path: statePath } } },
    resource: {
      terraform_data: {
        holder: {
          input: "holds the state lock until the gate opens",
          provisioner: [
            {
              "local-exec": {
                interpreter: ["/bin/sh", "-c"],
                command: WAIT_AT_GATE,
                environment: { GATE: gate.path },
              },
            },
          ],
        },
      },
    },
  };
  writeFileSync(join(dir, "main.tf.json"), JSON.stringify(config));
  const cliConfig = join(dir, "terraform.rc");
  writeFileSync(cliConfig, "");
  const env = terraformEnv({ cliConfigFile: cliConfig, offline: true });
  const init = await runTerraform(["init", "-input=false", "-no-color"], { cwd: dir, env });
  if (init.exitCode !== 0) throw new Error(`terraform init failed in ${dir}:\n${init.stderr}`);

  const apply = runTerraform(["apply", "-auto-approve", "-input=false", "-no-color"], {
    cwd: dir,
    env,
  });
  const lockInfo = join(dirname(statePath), `.${basename(statePath)}.lock.info`);
  await pollUntil("the holder's lock on the local state", () => existsSync(lockInfo) || undefined, {
    ended: apply.then(
      (run) => `terraform apply ended first (exit ${run.exitCode}):\n${run.stderr}`,
    ),
  });
  return {
    async release() {
      gate.open();
      const run = await apply;
      if (run.exitCode !== 0) throw new Error(`the lock holder's apply failed:\n${run.stderr}`);
    },
  };
}
