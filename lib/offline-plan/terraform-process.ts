import { spawn, type ChildProcess } from "node:child_process";

export interface TerraformRun {
  readonly args: readonly string[];
  readonly exitCode: number | null;
  /** Set when terraform was ended by a signal rather than exiting. */
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly durationMs: number;
}

export interface TerraformRunOptions {
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  /** Aborting interrupts terraform once, as Ctrl-C would (it releases its lock), then kills it. */
  readonly signal?: AbortSignal;
  /**
   * Called once terraform has started, with its process id, which is also the id of its process
   * group (terraform and its provider plugins).
   */
  readonly onStart?: (pid: number) => void;
}

/** How long an interrupted terraform may take to release its lock before it is killed. */
const INTERRUPT_GRACE_MS = 15_000;

/**
 * Each terraform runs in a process group of its own, with its provider plugins: a Ctrl-C in the
 * terminal reaches only us, and we pass on exactly one interrupt (a second one would make
 * terraform quit at once, leaving its lock). Whatever is still running when we exit is killed.
 */
const running = new Set<ChildProcess>();

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    if (child.pid !== undefined) process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}

process.on("exit", () => {
  for (const child of running) signalGroup(child, "SIGKILL");
});

/**
 * Runs terraform to completion, capturing its output. Rejects only when terraform cannot be
 * started; a failure or an interruption (even before it started) is in the result.
 */
export function runTerraform(
  args: readonly string[],
  options: TerraformRunOptions,
): Promise<TerraformRun> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    if (options.signal?.aborted) {
      const stderr = `terraform ${args[0]} not started: the run was interrupted.`;
      resolve({ args, exitCode: null, signal: "SIGINT", stdout: "", stderr, durationMs: 0 });
      return;
    }
    const child = spawn("terraform", args, {
      cwd: options.cwd,
      env: options.env,
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    });
    running.add(child);
    if (child.pid !== undefined) options.onStart?.(child.pid);
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout?.on("data", (chunk: Buffer) => stdout.push(chunk));
    child.stderr?.on("data", (chunk: Buffer) => stderr.push(chunk));

    let killTimer: NodeJS.Timeout | undefined;
    const interrupt = (): void => {
      signalGroup(child, "SIGINT");
      killTimer = setTimeout(() => signalGroup(child, "SIGKILL"), INTERRUPT_GRACE_MS);
    };
    options.signal?.addEventListener("abort", interrupt, { once: true });
    const settle = (): void => {
      running.delete(child);
      clearTimeout(killTimer);
      options.signal?.removeEventListener("abort", interrupt);
    };

    child.once("error", (error: NodeJS.ErrnoException) => {
      settle();
      reject(
        error.code === "ENOENT"
          ? new Error("terraform is not on the PATH: install Terraform 1.11 or later.")
          : error,
      );
    });
    child.once("close", (exitCode, signal) => {
      settle();
      resolve({
        args,
        exitCode,
        signal,
        stdout: Buffer.concat(stdout).toString("utf8"),
        stderr: Buffer.concat(stderr).toString("utf8"),
        durationMs: performance.now() - started,
      });
    });
  });
}
