import {
  describeMemoryOptions,
  fargateCpuOptions,
  fargateMemoryOptions,
  isValidFargateSize,
} from "../../lib/fargate-sizes";
import { jsonPath, quote, type ConfigProblem } from "../problems";
import { FARGATE_CPU_UNITS } from "../schema/constants";
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

/** Every memory size Fargate offers with some CPU size, smallest first. */
const FARGATE_MEMORY_SIZES = [...new Set(FARGATE_CPU_UNITS.flatMap(fargateMemoryOptions))].sort(
  (a, b) => a - b,
);

function memoryProblem(memory: number): string | undefined {
  if (FARGATE_MEMORY_SIZES.includes(memory)) return undefined;
  const closest = FARGATE_MEMORY_SIZES.reduce((best, size) =>
    Math.abs(size - memory) < Math.abs(best - memory) ? size : best,
  );
  return `${memory} MiB is not a memory size Fargate offers with any CPU; expected a Fargate size, e.g. ${closest} MiB (the closest)`;
}

/**
 * Memory Fargate offers with no CPU size is wrong whatever the CPU: reported even when the CPU
 * is not checked with it (checkFargateSizes, listed first, says more when the CPU is valid).
 */
export const checkFargateMemory: Check = ({ environments, services, written }) => [
  ...services.flatMap((service): ConfigProblem[] => {
    const message = memoryProblem(service.memory);
    return message ? [{ file: service.file, path: "$.memory", message }] : [];
  }),
  ...environments.flatMap((env) =>
    Object.entries(written.environment(env).services ?? {}).flatMap(
      ([name, override]): ConfigProblem[] => {
        const message = override.memory === undefined ? undefined : memoryProblem(override.memory);
        const path = jsonPath(["services", name, "memory"]);
        return message ? [{ file: env.file, path, message }] : [];
      },
    ),
  ),
];

/** A service may call only other services of the project (not itself). */
export const checkCalls: Check = ({ services, serviceNames, unresolvedServices }) => {
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
      if (!serviceNames.includes(callee) && !unresolvedServices.includes(callee)) {
        return [
          {
            ...at,
            message: `${quote(callee)} is not a service of this project; expected one of ${serviceNames.map((n) => quote(n)).join(", ")}`,
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
  serviceNames,
  unresolvedServices,
  written,
}) => {
  return environments.flatMap((env) =>
    Object.keys(written.environment(env).services ?? {})
      .filter((name) => !serviceNames.includes(name) && !unresolvedServices.includes(name))
      .map((name) => ({
        file: env.file,
        path: jsonPath(["services", name]),
        message: `${quote(name)} is not a service of this project; expected one of ${serviceNames.map((n) => quote(n)).join(", ")}`,
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
