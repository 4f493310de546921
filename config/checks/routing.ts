import type { EnvironmentConfig, ServiceConfig } from "../model";
import { quote, type ConfigProblem } from "../problems";
import { HTTP_PORT, HTTPS_PORT } from "../../lib/ports";
import type { Check } from "./check";

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

/**
 * Every listener port is used once: two services cannot share one, nor take the shared
 * listener's port, nor 443 and 80 when the environment serves HTTPS.
 */
export const checkListenerPorts: Check = ({ environments, services }) => {
  const problems: ConfigProblem[] = [];
  const owner = new Map<number, string>();
  for (const service of services) {
    const port = service.routing.listenerPort;
    if (port === undefined) continue;
    const first = owner.get(port);
    if (first) {
      problems.push({
        file: service.file,
        path: "$.routing.listenerPort",
        message: `${port} is already the listener port of ${quote(first)}; expected a port no other service uses`,
      });
    } else owner.set(port, service.name);
  }
  // With a certificate the shared listener is on 443: a service there is reported below, at the service.
  const plainHttp = (e: EnvironmentConfig) => e.routing.certificateArn === undefined;
  for (const env of environments.filter((e) => usesListeners(e) && usesPaths(e) && plainHttp(e))) {
    const clash = owner.get(env.routing.sharedListenerPort);
    if (clash) {
      problems.push({
        file: env.file,
        path: "$.routing.sharedListenerPort",
        message: `${env.routing.sharedListenerPort} is also the listener port of ${quote(clash)}; expected a port no service listener uses`,
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
        message: `${port} is kept for ${port === HTTPS_PORT ? "HTTPS" : "the redirect to HTTPS"} because ${env.file} sets routing.certificateArn; expected a port other than 443 and 80, e.g. 8080`,
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

/** Listener rule priorities must be unique on the shared listener. */
export const checkRulePriorities: Check = ({ services, written }) => {
  const owner = new Map<number, string>();
  const problems: ConfigProblem[] = [];
  for (const service of services.filter((s) => s.routing.pathPrefix !== undefined)) {
    const { priority } = service.routing;
    const derivedPriority = written.service(service).routing.priority === undefined;
    const first = owner.get(priority);
    if (first) {
      problems.push({
        file: service.file,
        path: "$.routing.priority",
        message: derivedPriority
          ? `${priority} (derived from the service name) is already the rule priority of ${quote(first)}; expected an explicit priority from 1 to 50000 that no other service uses`
          : `${priority} is already the rule priority of ${quote(first)}; expected a unique priority from 1 to 50000`,
      });
    } else owner.set(priority, service.name);
  }
  return problems;
};
