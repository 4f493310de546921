import { execFileSync } from "node:child_process";

/**
 * Runs `npm install --package-lock-only` in `dir`: npm (re)writes its package-lock.json for its
 * package.json, running no script and, when the cache holds what it needs, without the network.
 * A failure is an error saying what was being written, with npm's message.
 */
export function writePackageLock(dir: string, what: string): void {
  try {
    execFileSync(
      "npm",
      [
        "install",
        "--package-lock-only",
        "--ignore-scripts",
        "--no-audit",
        "--no-fund",
        "--prefer-offline",
      ],
      { cwd: dir, stdio: ["ignore", "pipe", "pipe"] },
    );
  } catch (error) {
    const stderr = String((error as { stderr?: Buffer }).stderr ?? error).trim();
    throw new Error(`npm could not write ${what}: ${stderr}`);
  }
}
