import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { withDirectoryLock } from "../../../lib/terraform-cli/directory-lock";
import { tempDir } from "../../support/temp-dir";

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe("withDirectoryLock", () => {
  it("lets one holder in at a time and releases the lock after each", async () => {
    const lock = join(tempDir("lock-"), "held.lock");
    const events: string[] = [];
    const hold = (name: string) =>
      withDirectoryLock(
        lock,
        async () => {
          events.push(`${name} in`);
          await pause(30);
          events.push(`${name} out`);
        },
        { pollMs: 5 },
      );
    await Promise.all([hold("a"), hold("b")]);
    expect(events).toEqual(["a in", "a out", "b in", "b out"]);
    expect(existsSync(lock)).toBe(false);
  });

  it("releases the lock when the task fails", async () => {
    const lock = join(tempDir("lock-"), "held.lock");
    await expect(
      withDirectoryLock(lock, () => Promise.reject(new Error("init failed"))),
    ).rejects.toThrow("init failed");
    expect(existsSync(lock)).toBe(false);
  });

  it("takes over a lock whose holder has died", async () => {
    const lock = join(tempDir("lock-"), "held.lock");
    const dead = spawnSync(process.execPath, ["-e", "process.pid"]).pid;
    mkdirSync(lock);
    writeFileSync(join(lock, "pid"), String(dead));
    await expect(withDirectoryLock(lock, async () => "taken", { pollMs: 5 })).resolves.toBe(
      "taken",
    );
  });

  it("gives up on a live holder after the timeout, saying what to do", async () => {
    const lock = join(tempDir("lock-"), "held.lock");
    mkdirSync(lock);
    writeFileSync(join(lock, "pid"), String(process.pid));
    await expect(
      withDirectoryLock(lock, async () => "never", { timeoutMs: 50, pollMs: 5 }),
    ).rejects.toThrow("If no other terraform init is running, delete that folder.");
  });
});
