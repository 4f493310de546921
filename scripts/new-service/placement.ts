import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import type { ProjectConfig } from "../../config/model";
import { usesListeners } from "../../config/checks/routing";
import { ENVIRONMENTS_DIR, loadProject, MANIFEST_FILE, SERVICES_DIR } from "../../config/load";
import { ConfigError, formatProblem, type ConfigProblem } from "../../config/problems";
import type { ServiceFile } from "../../config/schema/service";
import type { NewServiceRequest } from "./arguments";

/** Where a new service listens and how the load balancer reaches it. */
export interface Placement {
  readonly port: number;
  /** Only when an environment routes by listener. */
  readonly listenerPort?: number;
  readonly pathPrefix: string;
  readonly priority: number;
}

/** The manifest of a new service: small, and valid in every environment of the project. */
export function newManifest(request: NewServiceRequest, placement: Placement): ServiceFile {
  const { name, datastore, calls } = request;
  return {
    $schema: "../../schemas/service.schema.json",
    name,
    port: placement.port,
    healthCheck: { path: "/health" },
    cpu: 256,
    memory: 512,
    desiredCount: 2,
    routing: {
      ...(placement.listenerPort !== undefined && { listenerPort: placement.listenerPort }),
      pathPrefix: placement.pathPrefix,
      priority: placement.priority,
    },
    environment: { LOG_LEVEL: "info" },
    ...(calls.length > 0 && { calls: [...calls] }),
    ...(datastore === "postgres" && {
      datastores: { postgres: { database: name.replace(/-/g, "_") } },
    }),
    ...(datastore === "dynamodb" && {
      datastores: {
        dynamodb: {
          partitionKey: { name: "id", type: "S" },
          operations: ["GetItem", "PutItem", "DeleteItem", "Scan"],
        },
      },
    }),
  } as ServiceFile;
}

/** The first placement to try: the next port, listener port and priority above those in use. */
function firstPlacement(project: ProjectConfig, name: string): Placement {
  const { services, environments } = project;
  const highest = (values: readonly (number | undefined)[], none: number) =>
    Math.max(none, ...values.filter((value): value is number => value !== undefined));
  const routed = services.filter((service) => service.routing.pathPrefix !== undefined);
  return {
    port:
      highest(
        services.map((service) => service.port),
        7999,
      ) + 1,
    ...(environments.some(usesListeners) && {
      listenerPort:
        highest(
          services.map((service) => service.routing.listenerPort),
          8079,
        ) + 1,
    }),
    pathPrefix: `/${name}`,
    priority:
      Math.floor(
        highest(
          routed.map((service) => service.routing.priority),
          0,
        ) / 100,
      ) *
        100 +
      100,
  };
}

/** The next placement to try after these problems, or undefined when no other value can help. */
function nextPlacement(
  placement: Placement,
  problems: readonly ConfigProblem[],
  name: string,
  attempt: number,
): Placement | undefined {
  let next = placement;
  for (const { path } of problems) {
    if (path === "$.port") next = { ...next, port: next.port + 1 };
    else if (
      (path === "$.routing.listenerPort" || path === "$.routing.sharedListenerPort") &&
      next.listenerPort !== undefined
    ) {
      next = { ...next, listenerPort: next.listenerPort + 1 };
    } else if (path === "$.routing.priority") next = { ...next, priority: next.priority + 100 };
    else if (path === "$.routing.pathPrefix")
      next = { ...next, pathPrefix: `/${name}-${attempt + 1}` };
    else return undefined;
  }
  return next;
}

/**
 * Picks the new service's port, listener port, path prefix and rule priority by asking the
 * configuration checks themselves: a copy of the project's configuration with the new manifest
 * is loaded as synthesis loads it, and the values its problems point at are moved on until it
 * loads. Returns the manifest, or the problems no placement can solve (such as a name that makes
 * an AWS name too long).
 */
export function placeService(
  root: string,
  project: ProjectConfig,
  request: NewServiceRequest,
): { readonly manifest: ServiceFile } | { readonly problems: string[] } {
  const configRoot = mkdtempSync(join(tmpdir(), "new-service-config-"));
  try {
    cpSync(join(root, ENVIRONMENTS_DIR), join(configRoot, ENVIRONMENTS_DIR), { recursive: true });
    for (const service of project.services) {
      mkdirSync(dirname(join(configRoot, service.file)), { recursive: true });
      cpSync(join(root, service.file), join(configRoot, service.file));
    }
    const file = join(configRoot, SERVICES_DIR, request.name, MANIFEST_FILE);
    mkdirSync(dirname(file), { recursive: true });
    let placement: Placement | undefined = firstPlacement(project, request.name);
    for (let attempt = 1; placement !== undefined && attempt <= 100; attempt++) {
      const manifest = newManifest(request, placement);
      writeFileSync(file, JSON.stringify(manifest));
      const problems = problemsOf(configRoot);
      if (problems.length === 0) return { manifest };
      const next = nextPlacement(placement, problems, request.name, attempt);
      if (next === undefined) {
        return {
          problems: problems.map(
            (problem) =>
              `adding ${request.name} would make the configuration invalid: ${formatProblem(problem)}`,
          ),
        };
      }
      placement = next;
    }
    return { problems: [`found no free port, listener port and priority for ${request.name}`] };
  } finally {
    rmSync(configRoot, { recursive: true, force: true });
  }
}

function problemsOf(configRoot: string): ConfigProblem[] {
  try {
    loadProject(configRoot);
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return [...error.problems];
    throw error;
  }
}
