import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { startChild, type Child } from "./child-processes";
import { waitUntil } from "./ports";

/** The parts of a service manifest (services/<name>/service.json) a local run needs. */
export interface ServiceManifest {
  readonly name: string;
  readonly port: number;
  readonly environment?: Readonly<Record<string, string>>;
  readonly calls?: readonly string[];
}

export function readManifest(root: string, name: string): ServiceManifest {
  return JSON.parse(readFileSync(join(root, "services", name, "service.json"), "utf8"));
}

/**
 * The environment ECS gives the service's container, with loopback addresses: PORT, the
 * manifest's plain variables, and `<CALLEE>_URL` for each service it calls.
 */
export function ecsLikeEnvironment(
  manifest: ServiceManifest,
  portOf: (service: string) => number,
): Record<string, string> {
  const calleeUrls = (manifest.calls ?? []).map((callee) => [
    `${callee.toUpperCase().replace(/-/g, "_")}_URL`,
    `http://127.0.0.1:${portOf(callee)}`,
  ]);
  return {
    ...manifest.environment,
    ...Object.fromEntries(calleeUrls),
    PORT: String(manifest.port),
  };
}

export interface RunningService {
  readonly name: string;
  readonly url: string;
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

/**
 * Starts a built service (`node dist/server.js`, what its `start` script and its image run) with
 * only the given environment plus PATH, listening on 127.0.0.1, and waits until /health answers.
 */
export async function startService(options: {
  readonly root: string;
  readonly name: string;
  readonly env: Readonly<Record<string, string>>;
  readonly echo?: (line: string) => void;
  /** Run it in its own process group, out of reach of the terminal's Ctrl-C. */
  readonly spawn?: { readonly detached?: boolean };
}): Promise<RunningService> {
  const dir = join(options.root, "services", options.name);
  const entry = join(dir, "dist", "server.js");
  if (!existsSync(entry)) throw new Error(`${entry} is missing: run "npm run build" first`);
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? "",
    HOST: "127.0.0.1",
    ...options.env,
  };
  const child = startChild(process.execPath, [entry], {
    ...options.spawn,
    cwd: dir,
    env,
    echo: options.echo,
  });
  const url = `http://127.0.0.1:${env.PORT}`;
  await waitUntil(
    async () => {
      if (child.process.exitCode !== null) {
        throw new Error(
          `${options.name} exited with code ${child.process.exitCode}:\n${child.tail()}`,
        );
      }
      return answersHealth(url);
    },
    40_000,
    () => `${options.name} did not answer ${url}/health within 40 s:\n${child.tail()}`,
  );
  return {
    name: options.name,
    url,
    child,
    logs: () =>
      child.stdoutLines.flatMap((line) => {
        try {
          return [JSON.parse(line) as Record<string, unknown>];
        } catch {
          return [];
        }
      }),
  };
}
