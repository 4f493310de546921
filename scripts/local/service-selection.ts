import type { ServiceConfig } from "../../config/model";

/** Names given that are no service of the project. */
export class UnknownServicesError extends Error {
  constructor(
    readonly unknown: readonly string[],
    known: readonly string[],
  ) {
    const quoted = (names: readonly string[]) => names.map((name) => `"${name}"`).join(", ");
    super(
      `no service named ${quoted(unknown)} under services/; expected ${known.length === 1 ? "" : "one of "}${quoted(known)}`,
    );
  }
}

/**
 * The services named (every service when none is), with the services they call, directly or
 * not, each once: callees before their callers, so each caller can be told where its callees are.
 */
export function selectServices(
  all: readonly ServiceConfig[],
  names: readonly string[],
): ServiceConfig[] {
  const byName = new Map(all.map((service) => [service.name, service]));
  const unknown = names.filter((name) => !byName.has(name));
  if (unknown.length > 0) throw new UnknownServicesError(unknown, [...byName.keys()]);
  const ordered: ServiceConfig[] = [];
  const visited = new Set<string>();
  const visit = (service: ServiceConfig) => {
    if (visited.has(service.name)) return;
    visited.add(service.name);
    for (const callee of service.calls) {
      const called = byName.get(callee);
      if (called) visit(called);
    }
    ordered.push(service);
  };
  for (const service of names.length === 0 ? all : names.map((name) => byName.get(name)!)) {
    visit(service);
  }
  return ordered;
}
