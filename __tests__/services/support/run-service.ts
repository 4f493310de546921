import { join } from "node:path";
import type { ServiceConfig } from "../../../config/model";
import { startChild } from "../../../scripts/local/child-processes";
import { completeEnvironment } from "./complete-environment";
import { ROOT } from "./local-stack";

export interface ServiceRun {
  /** The exit code, or the signal's name when the safety net had to kill it. */
  readonly code: number | string;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs a built service (`node dist/server.js`) with exactly this environment (plus PATH) until it
 * exits; a service still running after `timeoutMs` is killed (the run then reports "SIGKILL").
 */
export async function runService(
  directory: string,
  env: Readonly<Record<string, string>>,
  timeoutMs = 30_000,
): Promise<ServiceRun> {
  const child = startChild(process.execPath, [join(ROOT, directory, "dist", "server.js")], {
    env: { PATH: process.env.PATH ?? "", HOST: "127.0.0.1", ...env },
  });
  const timer = setTimeout(() => child.process.kill("SIGKILL"), timeoutMs);
  const code = await child.exited;
  await child.closed;
  clearTimeout(timer);
  return { code, stdout: child.stdoutLines.join("\n"), stderr: child.stderrLines.join("\n") };
}

/**
 * Runs the service with its complete environment but `name` set to `value`, and expects it to
 * refuse to start: exit code 1, and `<service>: <name> is "<value>": <expected>` on stderr.
 */
export async function expectRefused(
  service: ServiceConfig,
  name: string,
  value: string,
  expected: string,
): Promise<void> {
  const run = await runService(service.directory, {
    ...completeEnvironment(service),
    [name]: value,
  });
  expect(run.code).toBe(1);
  expect(run.stderr).toContain(`${service.name}: ${name} is "${value}": ${expected}`);
}
