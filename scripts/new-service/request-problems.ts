import { existsSync } from "node:fs";
import { join } from "node:path";
import { SERVICES_DIR } from "../../config/load";
import type { ServiceConfig } from "../../config/model";
import { ServiceSchema } from "../../config/schema/service";
import type { NewServiceRequest } from "./arguments";

const NAME_RULE = ServiceSchema.properties.name;

/** Whether the name passes the manifest schema's rule for service names. */
function nameProblem(name: string): string | undefined {
  const valid =
    new RegExp(NAME_RULE.pattern ?? "").test(name) &&
    name.length >= (NAME_RULE.minLength ?? 0) &&
    name.length <= (NAME_RULE.maxLength ?? Infinity);
  return valid ? undefined : `"${name}" is not a service name: expected ${NAME_RULE.description}`;
}

/**
 * Everything wrong with the request for this project, at once: the name (the manifest's rule, a
 * folder or an npm workspace already there) and each service it would call.
 */
export function requestProblems(
  root: string,
  request: NewServiceRequest,
  services: readonly ServiceConfig[],
  workspacePackages: readonly string[],
  packageName: string,
): string[] {
  const problems: string[] = [];
  const { name } = request;
  if (name !== "") {
    const problem = nameProblem(name);
    if (problem) problems.push(problem);
    else if (existsSync(join(root, SERVICES_DIR, name))) {
      problems.push(
        `${SERVICES_DIR}/${name} already exists: choose another name, or delete that folder first`,
      );
    } else if (workspacePackages.includes(packageName)) {
      problems.push(
        `${packageName} is already the name of an npm workspace of this project: choose another name`,
      );
    }
  }
  const known = services.map((service) => service.name);
  for (const callee of new Set(request.calls)) {
    if (callee === name) {
      problems.push(
        `--calls "${callee}" is the new service itself: a service reaches itself directly`,
      );
    } else if (!known.includes(callee)) {
      problems.push(
        `--calls "${callee}" is not a service of this project: expected one of ${known.map((n) => `"${n}"`).join(", ")}`,
      );
    }
  }
  return problems;
}
