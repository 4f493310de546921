import { parseArn } from "../../lib/arn";
import type { EnvironmentConfig } from "../model";
import { quote, type ConfigProblem } from "../problems";
import type { InterfaceEndpoint } from "../schema/constants";
import type { Check } from "./check";

/** What a task cannot do without each endpoint. */
const NEEDED_FOR: Record<InterfaceEndpoint, string> = {
  "ecr.api": "pull images",
  "ecr.dkr": "pull images",
  logs: "write logs",
  secretsmanager: "read secrets",
  ssm: "read parameters",
  xray: "send traces",
};

/** The AWS APIs every Fargate task of this project calls: image pulls (ECR) and logs. */
const ALWAYS_NEEDED: readonly InterfaceEndpoint[] = ["ecr.api", "ecr.dkr", "logs"];

/** The interface endpoints an environment's tasks need when nothing else leads out of the VPC. */
export function neededEndpoints(env: EnvironmentConfig): InterfaceEndpoint[] {
  const needed = new Set<InterfaceEndpoint>(ALWAYS_NEEDED);
  for (const service of env.services) {
    for (const reference of Object.values(service.secrets)) {
      const api = parseArn(reference)?.service;
      if (api === "secretsmanager" || api === "ssm") needed.add(api);
    }
  }
  // The X-Ray daemon next to each service sends its traces to the X-Ray API.
  if (env.observability.xray) needed.add("xray");
  return [...needed];
}

/**
 * Private subnets without a NAT gateway reach AWS only through VPC endpoints: every API the tasks
 * call needs one (S3, where ECR keeps image layers, always has a gateway endpoint).
 */
export const checkPrivateEgress: Check = ({ environments }) =>
  environments.flatMap((env): ConfigProblem[] => {
    if (env.vpc.natStrategy !== "none") return [];
    const needed = neededEndpoints(env);
    const missing = needed.filter((endpoint) => !env.vpc.interfaceEndpoints.includes(endpoint));
    if (missing.length === 0) return [];
    const consequences = [...new Set(missing.map((endpoint) => NEEDED_FOR[endpoint]))];
    const cannot =
      consequences.length === 1
        ? consequences[0]
        : `${consequences.slice(0, -1).join(", ")} or ${consequences[consequences.length - 1]}`;
    return [
      {
        file: env.file,
        path: "$.vpc.natStrategy",
        message: `"none" gives the private subnets no way out, and vpc.interfaceEndpoints lacks ${missing.map((e) => quote(e)).join(", ")}: tasks could not ${cannot}; expected "single" or "one-per-az", or interfaceEndpoints with ${needed.map((e) => quote(e)).join(", ")}`,
      },
    ];
  });
