import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { loadProject } from "../../../config/load";
import type { ServiceConfig } from "../../../config/model";
import { LocalStack } from "../../../scripts/local/local-stack";
import { selectServices } from "../../../scripts/local/service-selection";

export const ROOT = resolve(__dirname, "..", "..", "..");

/** The project's services, as the loader reads their manifests. */
export function projectServices(root: string = ROOT): readonly ServiceConfig[] {
  return loadProject(root).services;
}

/** A local stack whose data lives in a temporary directory, removed when it stops. */
class TemporaryLocalStack extends LocalStack {
  constructor(
    root: string,
    services: readonly ServiceConfig[],
    private readonly dataDir: string,
  ) {
    super({ root, services, dataDir, ports: "free", ephemeral: true });
  }

  override stop(): Promise<void> {
    return super.stop().finally(() => rmSync(this.dataDir, { recursive: true, force: true }));
  }
}

/**
 * Starts the services named (every service when none is) and the services they call, with the
 * data stores they declare, on ports the system picks, as `npm run dev` runs them.
 */
export async function startServices(
  names: readonly string[] = [],
  root: string = ROOT,
): Promise<LocalStack> {
  const services = selectServices(projectServices(root), names);
  const stack = new TemporaryLocalStack(
    root,
    services,
    mkdtempSync(join(tmpdir(), "services-test-")),
  );
  try {
    await stack.start();
  } catch (error) {
    await stack.stop().catch(() => undefined);
    throw error;
  }
  return stack;
}

/** Where a running service serves its API: its URL and its path prefix. */
export function apiUrl(stack: LocalStack, name: string): string {
  return `${stack.service(name).url}${stack.environmentOf(name).PATH_PREFIX ?? ""}`;
}
