import type { EnvironmentConfig, ServiceConfig } from "../model";
import { quote, type ConfigProblem } from "../problems";
import { PORT_RANGE, RULE_PRIORITY_RANGE } from "../schema/constants";
import { HTTP_PORT, HTTPS_PORT } from "../../lib/ports";
import type { Check, WrittenConfig } from "./check";
import { bySide, derivedIn, whereHeld, writtenAt } from "./clash";
import { firstFree, freeNote } from "./free-value";

export const usesListeners = (env: EnvironmentConfig) => env.routing.style !== "path";
export const usesPaths = (env: EnvironmentConfig) => env.routing.style !== "listener";

/** The ports an HTTPS load balancer keeps for itself: HTTPS, and HTTP redirecting to it. */
const HTTPS_PORTS: readonly number[] = [HTTPS_PORT, HTTP_PORT];

/** The routing style of an environment needs the matching routing field in every manifest. */
export const checkRoutingFields: Check = ({ environments, services }) => {
  const problems: ConfigProblem[] = [];
  const report = (service: ServiceConfig, field: string, env: EnvironmentConfig, example: string) =>
    problems.push({
      file: service.file,
      path: `$.routing.${field}`,
      message: `required key is missing: ${env.file} routes by ${quote(env.routing.style)}; expected e.g. ${example}`,
    });
  for (const service of services) {
    const listenerEnv = environments.find(usesListeners);
    const pathEnv = environments.find(usesPaths);
    if (listenerEnv && service.routing.listenerPort === undefined)
      report(service, "listenerPort", listenerEnv, "8080");
    if (pathEnv && service.routing.pathPrefix === undefined)
      report(service, "pathPrefix", pathEnv, `"/${service.name}"`);
  }
  return problems;
};

/** A service's listener port, as one side of a clash. */
const listenerPortOf = (service: ServiceConfig) =>
  writtenAt(service.file, ["routing", "listenerPort"], service.routing.listenerPort, { service });

/**
 * Every listener port is used once: two services cannot share one, nor take the shared
 * listener's port, nor 443 and 80 when the environment serves HTTPS. A clash is reported at
 * the file edited into it, naming the other, with a free port to take instead.
 */
export const checkListenerPorts: Check = ({ environments, services, written, edits }) => {
  const problems: ConfigProblem[] = [];
  const taken = [
    ...services.map((service) => service.routing.listenerPort),
    ...environments.map((env) => env.routing.sharedListenerPort),
    ...(environments.some((env) => env.routing.certificateArn) ? HTTPS_PORTS : []),
  ];
  /**
   * A free port for a listener, from the lowest listener port of the other services: near them,
   * where consecutive ports share a network ACL rule.
   */
  const freePort = (reported: ServiceConfig | undefined, otherwise: number) => {
    const others = services.filter((s) => s !== reported);
    const ports = others.flatMap((other) => other.routing.listenerPort ?? []);
    return firstFree(ports.length > 0 ? Math.min(...ports) : otherwise, taken, PORT_RANGE.max);
  };
  const owner = new Map<number, ServiceConfig>();
  for (const service of services) {
    const port = service.routing.listenerPort;
    if (port === undefined) continue;
    const first = owner.get(port);
    if (!first) {
      owner.set(port, service);
      continue;
    }
    const [reported, other] = bySide(edits, listenerPortOf(first), listenerPortOf(service));
    const free = freeNote(freePort(reported.service, port + 1));
    problems.push({
      file: reported.file,
      path: "$.routing.listenerPort",
      message: `${port} is already the listener port of ${whereHeld(other)}; expected a port no other service uses${free}`,
    });
  }
  // With a certificate the shared listener is on 443: a service there is reported below, at the service.
  const plainHttp = (e: EnvironmentConfig) => e.routing.certificateArn === undefined;
  for (const env of environments.filter((e) => usesListeners(e) && usesPaths(e) && plainHttp(e))) {
    const port = env.routing.sharedListenerPort;
    const service = owner.get(port);
    if (!service) continue;
    const shared =
      written.environment(env).routing.sharedListenerPort === undefined
        ? derivedIn(env.file, port, "its default, as $.routing.sharedListenerPort is not set", {})
        : writtenAt(env.file, ["routing", "sharedListenerPort"], port, {});
    const listener = listenerPortOf(service);
    if (edits.edited(shared, listener) === shared) {
      problems.push({
        file: env.file,
        path: "$.routing.sharedListenerPort",
        message: `${port} is also the listener port of ${whereHeld(listener)}; expected a port no service listener uses${freeNote(freePort(undefined, port + 1))}`,
      });
    } else {
      problems.push({
        file: service.file,
        path: "$.routing.listenerPort",
        message: `${port} is already the shared listener port of ${whereHeld(shared)}; expected a port no other listener uses${freeNote(freePort(service, port + 1))}`,
      });
    }
  }
  const reported = new Set<string>();
  for (const env of environments.filter((e) => usesListeners(e) && e.routing.certificateArn)) {
    for (const service of services) {
      const port = service.routing.listenerPort;
      if (port === undefined || !HTTPS_PORTS.includes(port)) continue;
      if (reported.has(service.file)) continue;
      reported.add(service.file);
      problems.push({
        file: service.file,
        path: "$.routing.listenerPort",
        message: `${port} is kept for ${port === HTTPS_PORT ? "HTTPS" : "the redirect to HTTPS"} because ${env.file} sets routing.certificateArn; expected a port other than 443 and 80, e.g. ${freePort(service, 8080) ?? 8080}`,
      });
    }
  }
  return problems;
};

/**
 * With a certificate the shared listener is the HTTPS one, on 443, and 80 redirects to it; without
 * one it serves plain HTTP, which 443 (where clients speak TLS) cannot carry.
 */
export const checkSharedListenerPort: Check = ({ environments }) =>
  environments.filter(usesPaths).flatMap((env): ConfigProblem[] => {
    const port = env.routing.sharedListenerPort;
    const at = { file: env.file, path: "$.routing.sharedListenerPort" };
    if (env.routing.certificateArn && port !== HTTPS_PORT) {
      return [
        {
          ...at,
          message: `${port} cannot be the shared listener's port when routing.certificateArn is set: the shared listener serves HTTPS on ${HTTPS_PORT} and ${HTTP_PORT} redirects to it; expected ${HTTPS_PORT}, or no sharedListenerPort`,
        },
      ];
    }
    if (!env.routing.certificateArn && port === HTTPS_PORT) {
      return [
        {
          ...at,
          message: `${port} would serve plain HTTP on the HTTPS port, as routing.certificateArn is not set; expected routing.certificateArn (HTTPS on ${port}), or another port such as ${HTTP_PORT}`,
        },
      ];
    }
    return [];
  });

/** A service's rule priority, as one side of a clash: written, or derived from its name. */
export function priorityOf(service: ServiceConfig, written: WrittenConfig) {
  const { priority } = service.routing;
  return written.service(service).routing.priority === undefined
    ? derivedIn(service.file, priority, "derived from its name", { service })
    : writtenAt(service.file, ["routing", "priority"], priority, { service });
}

/**
 * Listener rule priorities are unique on the shared listener. A clash is reported at the file
 * edited into it (a written priority before a derived one), with a free priority to take.
 */
export const checkRulePriorities: Check = ({ services, written, edits }) => {
  const routed = services.filter((s) => s.routing.pathPrefix !== undefined);
  const taken = routed.map((s) => s.routing.priority);
  const owner = new Map<number, ServiceConfig>();
  const problems: ConfigProblem[] = [];
  for (const service of routed) {
    const { priority } = service.routing;
    const first = owner.get(priority);
    if (!first) {
      owner.set(priority, service);
      continue;
    }
    const [reported, other] = bySide(
      edits,
      priorityOf(first, written),
      priorityOf(service, written),
    );
    const free = freeNote(firstFree(priority + 1, taken, RULE_PRIORITY_RANGE.max));
    problems.push({
      file: reported.file,
      path: "$.routing.priority",
      message:
        reported.path === undefined
          ? `${priority} (derived from the service name) is already the rule priority of ${whereHeld(other)}; expected an explicit priority from ${RULE_PRIORITY_RANGE.min} to ${RULE_PRIORITY_RANGE.max} that no other service uses${free}`
          : `${priority} is already the rule priority of ${whereHeld(other)}; expected a unique priority from ${RULE_PRIORITY_RANGE.min} to ${RULE_PRIORITY_RANGE.max}${free}`,
    });
  }
  return problems;
};
