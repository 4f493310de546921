import { AWS_NAME_RULES, awsNameProblem } from "../../lib/aws-name-rules";
import {
  environmentResourceNames,
  serviceResourceNames,
  type ResourceName,
} from "../../lib/resource-names";
import { namePrefix } from "../../lib/names/name-prefix";
import type { ServiceConfig } from "../model";
import { quote, type ConfigProblem } from "../problems";
import type { Check } from "./check";
import { bySide, whereHeld, writtenAt } from "./clash";

/** A service's name, as one side of a clash of the AWS names made from it. */
const nameOf = (service: ServiceConfig) =>
  writtenAt(service.file, ["name"], service.name, { service });

function describeName({ kind, role }: ResourceName): string {
  const resource = AWS_NAME_RULES[kind].resource;
  return role ? `${resource} (${role})` : resource;
}

/**
 * Every AWS name the stack composes from the project, environment and service names is one AWS
 * accepts, after any deterministic shortening; and no two services end up with the same name
 * (reported at the service edited into the clash). A name that starts badly is the project's
 * doing; anything else is reported at the service.
 */
export const checkAwsNames: Check = ({ environments, edits }) => {
  const problems = new Map<string, ConfigProblem>();
  const report = (problem: ConfigProblem) => {
    const key = `${problem.file}\0${problem.path}`;
    if (!problems.has(key)) problems.set(key, problem);
  };
  for (const env of environments) {
    const prefix = namePrefix(env.project, env.name);
    const naming = {
      interfaceEndpoints: env.vpc.interfaceEndpoints.length > 0,
      sharedStorage: env.services.some((service) => service.sharedStorage !== undefined),
    };
    for (const name of environmentResourceNames(prefix, naming)) {
      const problem = awsNameProblem(name.kind, name.name);
      if (problem) {
        report({
          file: env.file,
          path: "$.project",
          message: `${quote(env.project)} makes the ${describeName(name)} name ${quote(name.name)}, and AWS refuses it: it ${problem}; expected another project name`,
        });
      }
    }
    const taken = new Map<string, ServiceConfig>();
    for (const service of env.services) {
      const naming = {
        name: service.name,
        postgres: service.datastores.postgres && env.database,
        dynamodb: service.datastores.dynamodb !== undefined,
      };
      for (const name of serviceResourceNames(prefix, naming)) {
        const problem = awsNameProblem(name.kind, name.name);
        if (problem?.startsWith("starts with")) {
          report({
            file: env.file,
            path: "$.project",
            message: `${quote(env.project)} makes the ${describeName(name)} name ${quote(name.name)}, and AWS refuses it: it ${problem}; expected another project name`,
          });
        } else if (problem) {
          report({
            file: service.file,
            path: "$.name",
            message: `${quote(service.name)} makes the ${describeName(name)} name ${quote(name.name)} in ${env.file}, and AWS refuses it: it ${problem}; expected another service name`,
          });
        }
        const slot = `${name.kind}\0${name.role ?? ""}\0${name.name}`;
        const first = taken.get(slot);
        if (first !== undefined && first.name !== service.name) {
          const [reported, other] = bySide(edits, nameOf(first), nameOf(service));
          report({
            file: reported.file,
            path: "$.name",
            message: `${quote(reported.service.name)} gets the same ${describeName(name)} name ${quote(name.name)} as ${whereHeld(other)} in ${env.file}; expected a service name that tells them apart`,
          });
        } else taken.set(slot, service);
      }
    }
  }
  return [...problems.values()];
};
