import { calleeUrlVariable } from "../../lib/service-variables";
import { jsonPath, quote, type ConfigProblem } from "../problems";
import type { Check } from "./check";
import { datastoreVariables } from "./storage";

/** Variables ECS sets in every task: overriding them breaks the task role's credentials or metadata. */
const SET_BY_ECS = [
  "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI",
  "AWS_CONTAINER_CREDENTIALS_FULL_URI",
  "AWS_CONTAINER_AUTHORIZATION_TOKEN",
  "ECS_CONTAINER_METADATA_URI",
  "ECS_CONTAINER_METADATA_URI_V4",
];

/** Long-lived keys would override the task role's temporary credentials. */
const STATIC_AWS_KEYS = ["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN"];

/**
 * Each variable a container gets is defined once: not in both environment and secrets, not over
 * a variable the stack sets (PORT, <CALLEE>_URL) or ECS sets, and no static AWS keys.
 */
export const checkEnvironmentVariables: Check = ({ services }) =>
  services.flatMap((service) => {
    const problems: ConfigProblem[] = [];
    // Plain variables the datastore wiring sets are checkDatastoreVariables' to report.
    const wired = datastoreVariables(service);
    const setByStack = new Map<string, string>([
      ["PORT", `the container port (${service.port})`],
      ...service.calls.map(
        (callee) =>
          [calleeUrlVariable(callee), `the URL of ${quote(callee)}, which it calls`] as const,
      ),
    ]);
    for (const section of ["environment", "secrets"] as const) {
      for (const name of Object.keys(service[section])) {
        const path = jsonPath([section, name]);
        const report = (message: string) => problems.push({ file: service.file, path, message });
        if (section === "secrets" && name in service.environment) {
          report(
            `${quote(name)} is also a plain variable at ${jsonPath(["environment", name])}; expected it once: in secrets if it is secret, else in environment`,
          );
        } else if (setByStack.has(name) && !(section === "environment" && wired.includes(name))) {
          report(
            `${quote(name)} is set by the stack to ${setByStack.get(name)}; expected another name`,
          );
        } else if (SET_BY_ECS.includes(name)) {
          report(
            `${quote(name)} is set by ECS in every task (credentials and metadata); expected another name`,
          );
        } else if (STATIC_AWS_KEYS.includes(name)) {
          report(
            `${quote(name)} would override the task role's temporary credentials with static keys; expected the permissions on the task role instead, and this variable removed`,
          );
        }
      }
    }
    return problems;
  });
