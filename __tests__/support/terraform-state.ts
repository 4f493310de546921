import { createHash } from "node:crypto";
import type { Emulators } from "../../lib/emulators";
import { runTerraform } from "../../lib/offline-plan/terraform-process";

/** The parts of a Terraform state (format 4) the tests read. */
export interface TerraformState {
  readonly version: number;
  readonly serial: number;
  readonly lineage: string;
  readonly resources: readonly {
    readonly mode: string;
    readonly type: string;
    readonly name: string;
    readonly instances: readonly { readonly attributes: Readonly<Record<string, unknown>> }[];
  }[];
}

/** The state as the working directory's backend reads it (`terraform state pull`, which takes no lock). */
export async function pullState(workDir: string, env: NodeJS.ProcessEnv): Promise<TerraformState> {
  const run = await runTerraform(["state", "pull"], { cwd: workDir, env });
  if (run.exitCode !== 0) {
    throw new Error(`terraform state pull failed in ${workDir}:\n${run.stderr.trim()}`);
  }
  return JSON.parse(run.stdout) as TerraformState;
}

/** Each resource's address with its id, e.g. `{ "terraform_data.seed": "1f0e..." }`. */
export function resourceIds(state: TerraformState): Record<string, unknown> {
  return Object.fromEntries(
    state.resources.map((r) => [`${r.type}.${r.name}`, r.instances[0]?.attributes.id]),
  );
}

/**
 * The digest of a state object that the S3 backend keeps beside a DynamoDB lock table's locks
 * (item `<bucket>/<key>-md5`): Terraform refuses to read state whose content does not match it.
 */
export async function stateDigestItem(
  emulators: Emulators,
  table: string,
  bucket: string,
  key: string,
): Promise<string | undefined> {
  const items = await emulators.dynamodb.scan(table);
  const id = `${bucket}/${key}-md5`;
  const item = items.find((i) => i.LockID !== undefined && "S" in i.LockID && i.LockID.S === id);
  const digest = item?.Digest;
  return digest !== undefined && "S" in digest ? digest.S : undefined;
}

export function md5(text: string): string {
  return createHash("md5").update(text).digest("hex");
}
