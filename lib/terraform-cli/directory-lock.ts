import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export interface DirectoryLockOptions {
  /** How long to wait for another holder before giving up. @default 300000 (5 minutes) */
  readonly timeoutMs?: number;
  /** How often to look again while waiting. @default 100 */
  readonly pollMs?: number;
}

/** A lock folder younger than this without a holder's pid is still being taken, not abandoned. */
const TAKING_GRACE_MS = 10_000;

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Whether the lock folder was left behind by a process that is gone. */
function isAbandoned(lockDir: string): boolean {
  try {
    const pid = Number(readFileSync(join(lockDir, "pid"), "utf8"));
    return Number.isInteger(pid) && pid > 0 && !isAlive(pid);
  } catch {
    try {
      return Date.now() - statSync(lockDir).mtimeMs > TAKING_GRACE_MS;
    } catch {
      return false; // released meanwhile
    }
  }
}

function tryTake(lockDir: string): boolean {
  try {
    mkdirSync(lockDir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    if (isAbandoned(lockDir)) rmSync(lockDir, { recursive: true, force: true });
    return false;
  }
  writeFileSync(join(lockDir, "pid"), String(process.pid));
  return true;
}

/**
 * Runs `task` while holding a lock shared by every process on this machine: a folder that only one
 * of them can create. A holder that died is detected by its pid and its lock taken over.
 */
export async function withDirectoryLock<T>(
  lockDir: string,
  task: () => Promise<T>,
  options: DirectoryLockOptions = {},
): Promise<T> {
  const deadline = Date.now() + (options.timeoutMs ?? 300_000);
  while (!tryTake(lockDir)) {
    if (Date.now() > deadline) {
      throw new Error(
        `Gave up waiting for ${lockDir}, held by another run. ` +
          `If no other terraform init is running, delete that folder.`,
      );
    }
    await new Promise((resume) => setTimeout(resume, options.pollMs ?? 100));
  }
  try {
    return await task();
  } finally {
    rmSync(lockDir, { recursive: true, force: true });
  }
}
