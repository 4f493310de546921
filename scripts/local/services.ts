import { existsSync } from "node:fs";
import { join } from "node:path";
import { startChild, type Child } from "./child-processes";
import { waitUntil } from "./ports";

export interface RunningService {
  readonly name: string;
  /** http://127.0.0.1:<port>, without the path prefix. */
  readonly url: string;
  readonly port: number;
  readonly child: Child;
  /** The JSON lines the service has logged so far. */
  logs(): Record<string, unknown>[];
}

async function answersHealth(url: string): Promise<boolean> {
  try {
    const response = await fetch(`${url}/health`, { signal: AbortSignal.timeout(1_000) });
    await response.arrayBuffer();
    return response.ok;
  } catch {
    return false;
  }
}

function jsonLines(child: Child): Record<string, unknown>[] {
  return child.stdoutLines.flatMap((line) => {
    try {
      return [JSON.parse(line) as Record<string, unknown>];
    } catch {
      return [];
    }
  });
}

/** The port of the service's `listening` log line (service-platform's `listen`), once written. */
function reportedPort(child: Child): number | undefined {
  const line = jsonLines(child).find((entry) => entry.msg === "listening");
  return typeof line?.port === "number" ? line.port : undefined;
}

const START_TIMEOUT_MS = 40_000;

/**
 * Starts a built service (`node dist/server.js`, what its `start` script and its image run) with
 * only the given environment plus PATH, listening on 127.0.0.1, and waits until /health answers.
 * With PORT=0 the service picks a port, which it reports in its `listening` log line.
 */
export async function startService(options: {
  /** The service folder, absolute. */
  readonly directory: string;
  readonly name: string;
  readonly env: Readonly<Record<string, string>>;
  readonly echo?: (line: string) => void;
  /** Run it in its own process group, out of reach of the terminal's Ctrl-C. */
  readonly spawn?: { readonly detached?: boolean };
}): Promise<RunningService> {
  const entry = join(options.directory, "dist", "server.js");
  if (!existsSync(entry)) throw new Error(`${entry} is missing: run "npm run build" first`);
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? "",
    HOST: "127.0.0.1",
    ...options.env,
  };
  const child = startChild(process.execPath, [entry], {
    ...options.spawn,
    cwd: options.directory,
    env,
    echo: options.echo,
  });
  const requested = Number(env.PORT);
  let port = requested === 0 ? undefined : requested;
  await waitUntil(
    async () => {
      if (child.process.exitCode !== null) {
        throw new Error(
          `${options.name} exited with code ${child.process.exitCode}:\n${child.tail()}`,
        );
      }
      port ??= reportedPort(child);
      return port !== undefined && answersHealth(`http://127.0.0.1:${port}`);
    },
    START_TIMEOUT_MS,
    () =>
      `${options.name} did not answer http://127.0.0.1:${port ?? "<port>"}/health within ${START_TIMEOUT_MS / 1000} s:\n${child.tail()}`,
  );
  const boundPort = port as number;
  return {
    name: options.name,
    url: `http://127.0.0.1:${boundPort}`,
    port: boundPort,
    child,
    logs: () => jsonLines(child),
  };
}
