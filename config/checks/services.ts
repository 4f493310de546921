import {
  describeMemoryOptions,
  fargateCpuOptions,
  isValidFargateSize,
} from "../../lib/fargate-sizes";
import { jsonPath, quote, type ConfigProblem } from "../problems";
import type { Check } from "./check";

function sizeProblem(cpu: number, memory: number): string {
  return `${memory} MiB is not a Fargate size for ${cpu} CPU units; expected ${describeMemoryOptions(cpu)}`;
}

/** Fargate accepts only certain CPU/memory pairs; anything else fails at apply time. */
export const checkFargateSizes: Check = ({ environments, services, written }) => {
  const problems: ConfigProblem[] = services
    .filter((s) => !isValidFargateSize(s.cpu, s.memory))
    .map((s) => ({ file: s.file, path: "$.memory", message: sizeProblem(s.cpu, s.memory) }));
  for (const env of environments) {
    for (const service of env.services) {
      const override = written.environment(env).services?.[service.name];
      if (!override || (override.cpu === undefined && override.memory === undefined)) continue;
      if (isValidFargateSize(service.cpu, service.memory)) continue;
      if (override.memory !== undefined) {
        problems.push({
          file: env.file,
          path: jsonPath(["services", service.name, "memory"]),
          message: sizeProblem(service.cpu, service.memory),
        });
        continue;
      }
      const cpus = fargateCpuOptions(service.memory);
      problems.push({
        file: env.file,
        path: jsonPath(["services", service.name, "cpu"]),
        message: `${service.cpu} CPU units cannot run with the ${service.memory} MiB of ${service.file}; expected a memory override of ${describeMemoryOptions(service.cpu)} next to it${cpus.length ? `, or cpu ${cpus.join(" or ")}` : ""}`,
      });
    }
  }
  return problems;
};

/** A service may call only other services of the project (not itself). */
export const checkCalls: Check = ({ services, unresolvedServices = [] }) => {
  const names = services.map((s) => s.name);
  return services.flatMap((service) =>
    service.calls.flatMap((callee, i): ConfigProblem[] => {
      const at = { file: service.file, path: jsonPath(["calls", i]) };
      if (callee === service.name) {
        return [
          {
            ...at,
            message: `${quote(callee)} is the service itself; remove it (a service reaches itself directly)`,
          },
        ];
      }
      if (!names.includes(callee) && !unresolvedServices.includes(callee)) {
        return [
          {
            ...at,
            message: `${quote(callee)} is not a service of this project; expected one of ${names.map((n) => quote(n)).join(", ")}`,
          },
        ];
      }
      return [];
    }),
  );
};

/** Per-environment overrides must name services that exist. */
export const checkOverrideNames: Check = ({
  environments,
  services,
  unresolvedServices = [],
  written,
}) => {
  const names = services.map((s) => s.name);
  return environments.flatMap((env) =>
    Object.keys(written.environment(env).services ?? {})
      .filter((name) => !names.includes(name) && !unresolvedServices.includes(name))
      .map((name) => ({
        file: env.file,
        path: jsonPath(["services", name]),
        message: `${quote(name)} is not a service of this project; expected one of ${names.map((n) => quote(n)).join(", ")}`,
      })),
  );
};

/** The load balancer refuses a health check whose timeout is not shorter than its interval. */
export const checkHealthCheckTiming: Check = ({ services }) =>
  services
    .filter((s) => s.healthCheck.timeoutSeconds >= s.healthCheck.intervalSeconds)
    .map((s) => ({
      file: s.file,
      path: "$.healthCheck.timeoutSeconds",
      message: `${s.healthCheck.timeoutSeconds} is not shorter than intervalSeconds ${s.healthCheck.intervalSeconds}; expected a timeout below the interval (the load balancer refuses it otherwise)`,
    }));
