import type { EnvironmentConfig, ServiceConfig } from "../model";
import { quote, type ConfigProblem } from "../problems";
import type { Check } from "./check";

const usesListeners = (env: EnvironmentConfig) => env.routing.style !== "path";
const usesPaths = (env: EnvironmentConfig) => env.routing.style !== "listener";

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

/** Two services cannot share a listener port, nor take the shared listener's port. */
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
  for (const env of environments.filter((e) => usesListeners(e) && usesPaths(e))) {
    const clash = owner.get(env.routing.sharedListenerPort);
    if (clash) {
      problems.push({
        file: env.file,
        path: "$.routing.sharedListenerPort",
        message: `${env.routing.sharedListenerPort} is also the listener port of ${quote(clash)}; expected a port no service listener uses`,
      });
    }
  }
  return problems;
};

/** Listener rule priorities must be unique on the shared listener. */
export const checkRulePriorities: Check = ({ services }) => {
  const owner = new Map<number, string>();
  const problems: ConfigProblem[] = [];
  for (const service of services.filter((s) => s.routing.pathPrefix !== undefined)) {
    const first = owner.get(service.routing.priority);
    if (first) {
      problems.push({
        file: service.file,
        path: "$.routing.priority",
        message: `${service.routing.priority} is already the rule priority of ${quote(first)}; expected a unique priority from 1 to 50000`,
      });
    } else owner.set(service.routing.priority, service.name);
  }
  return problems;
};
