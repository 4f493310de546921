import { spawn, type ChildProcess, type SpawnOptions } from "node:child_process";

/** Every process started through `startChild` that has not exited yet. */
const running = new Set<ChildProcess>();

// Backstop: whatever happens to the caller (a failed test, an uncaught error), no child outlives it.
process.on("exit", () => {
  for (const child of running) child.kill("SIGKILL");
});

/** A child process that keeps the tail of its output, for error messages and log assertions. */
export interface Child {
  readonly process: ChildProcess;
  /** Resolves with the exit code (or the signal's name) once the process has exited. */
  readonly exited: Promise<number | string>;
  /** Resolves once the process has exited and its output is read to the end (`tail()` complete). */
  readonly closed: Promise<void>;
  /** Every complete line it wrote to stdout so far. */
  readonly stdoutLines: string[];
  /** Every complete line it wrote to stderr so far. */
  readonly stderrLines: string[];
  /** The last lines it wrote to stdout and stderr, joined. */
  tail(): string;
  /** Sends a signal, then waits for the exit; SIGKILL if it takes longer than `timeoutMs`. */
  stop(signal?: NodeJS.Signals, timeoutMs?: number): Promise<number | string>;
}

const TAIL_LINES = 40;

/** Spawns a process whose stdout/stderr are captured line by line (and echoed when `echo` is set). */
export function startChild(
  command: string,
  args: readonly string[],
  options: SpawnOptions & { echo?: (line: string) => void } = {},
): Child {
  const { echo, ...spawnOptions } = options;
  const child = spawn(command, args, { ...spawnOptions, stdio: ["ignore", "pipe", "pipe"] });
  running.add(child);
  const stdoutLines: string[] = [];
  const stderrLines: string[] = [];
  const recent: string[] = [];
  const collect = (stream: NodeJS.ReadableStream | null, keep?: string[]) => {
    let partial = "";
    stream?.setEncoding("utf8");
    stream?.on("data", (chunk: string) => {
      const lines = (partial + chunk).split("\n");
      partial = lines.pop() ?? "";
      for (const line of lines) {
        keep?.push(line);
        recent.push(line);
        if (recent.length > TAIL_LINES) recent.shift();
        echo?.(line);
      }
    });
  };
  collect(child.stdout, stdoutLines);
  collect(child.stderr, stderrLines);

  const exited = new Promise<number | string>((resolve) => {
    child.once("exit", (code, signal) => {
      running.delete(child);
      resolve(code ?? signal ?? "unknown");
    });
    child.once("error", (error) => {
      running.delete(child);
      recent.push(String(error));
      resolve("spawn-error");
    });
  });

  const closed = new Promise<void>((resolve) => {
    child.once("close", () => resolve());
    child.once("error", () => resolve());
  });

  return {
    process: child,
    exited,
    closed,
    stdoutLines,
    stderrLines,
    tail: () => recent.join("\n"),
    async stop(signal: NodeJS.Signals = "SIGTERM", timeoutMs = 10_000) {
      if (child.exitCode !== null || child.signalCode !== null) return exited;
      child.kill(signal);
      const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
      const result = await exited;
      clearTimeout(timer);
      return result;
    },
  };
}
