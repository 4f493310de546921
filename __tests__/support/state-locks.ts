import type { Emulators } from "../../lib/emulators";
import type { TerraformRun } from "../../lib/offline-plan/terraform-process";
import { pollUntil } from "./poll";

/** What Terraform records about a lock's holder (its `LockInfo`), in a lock item or lock file. */
export interface LockInfo {
  readonly ID: string;
  readonly Operation: string;
  readonly Who: string;
  readonly Version: string;
  readonly Path: string;
}

/**
 * A line of the "Lock Info:" block Terraform prints with "Error acquiring the state lock", e.g.
 * `  ID:        d05230f8-...`.
 */
export function lockInfoLine(field: string, value: string): RegExp {
  const literal = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`^\\s*${literal(field)}:\\s+${literal(value)}$`, "m");
}

/** The holder of a state lock in a DynamoDB lock table, or undefined when nobody holds it. */
export async function dynamoDbLockHolder(
  emulators: Emulators,
  table: string,
  lockId: string,
): Promise<LockInfo | undefined> {
  const items = await emulators.dynamodb.scan(table);
  const item = items.find(
    (i) => i.LockID !== undefined && "S" in i.LockID && i.LockID.S === lockId,
  );
  const info = item?.Info;
  return info !== undefined && "S" in info ? (JSON.parse(info.S) as LockInfo) : undefined;
}

/** The holder recorded in an S3 lock file (`<key>.tflock`), or undefined when there is none. */
export async function s3LockFileHolder(
  emulators: Emulators,
  bucket: string,
  key: string,
): Promise<LockInfo | undefined> {
  const content = await emulators.s3.getObject(bucket, `${key}.tflock`);
  return content === undefined ? undefined : (JSON.parse(content) as LockInfo);
}

/**
 * Polls `probe` every 20 ms until it returns a value. Fails when `source`, the terraform run that
 * should bring that value about, ends first (with its output), or after `timeoutMs`.
 */
export function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  source: Promise<TerraformRun>,
  timeoutMs = 60_000,
): Promise<T> {
  const ended = source.then(
    (run) =>
      `terraform ${run.args[0]} ended first (exit ${run.exitCode}):\n${run.stdout}\n${run.stderr}`,
  );
  return pollUntil(what, probe, { ended, timeoutMs });
}

/** Stops or resumes a whole process group (terraform and its provider plugins). */
export function signalProcessGroup(pid: number, signal: "SIGSTOP" | "SIGCONT"): void {
  try {
    process.kill(-pid, signal);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ESRCH") throw error; // already gone
  }
}

/** The index of the first of `runs` to end; fails with `message` when none ends within `timeoutMs`. */
export function firstToEnd(
  runs: readonly Promise<TerraformRun>[],
  timeoutMs: number,
  message: string,
): Promise<number> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`${message} (nothing ended in ${timeoutMs} ms)`)),
      timeoutMs,
    );
  });
  const first = Promise.race(runs.map((run, index) => run.then(() => index)));
  return Promise.race([first, timeout]).finally(() => clearTimeout(timer));
}
