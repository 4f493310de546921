/** How the load balancer routes to services: one plan feeds both the listeners and the security group. */
export type RoutingStyle = "listener" | "path" | "both";

export interface RoutedService {
  readonly name: string;
  /** Dedicated listener port (listener routing). */
  readonly listenerPort?: number;
  /** Path prefix on the shared listener (path routing). */
  readonly pathPrefix?: string;
  /** Listener rule priority of the path prefix. */
  readonly priority?: number;
}

export interface PathRule {
  readonly service: string;
  readonly pathPrefix: string;
  readonly priority: number;
}

export type ListenerPlan =
  | { readonly kind: "dedicated"; readonly port: number; readonly service: string }
  | { readonly kind: "shared"; readonly port: number; readonly rules: readonly PathRule[] };

/**
 * The listeners the load balancer needs: a dedicated listener per service port for listener
 * routing, and one shared listener with a rule per path prefix for path routing.
 */
export function planListeners(
  services: readonly RoutedService[],
  style: RoutingStyle,
  sharedListenerPort: number,
): ListenerPlan[] {
  const plan: ListenerPlan[] = [];
  if (style !== "path") {
    for (const service of services) {
      if (service.listenerPort === undefined) {
        throw new Error(`service "${service.name}" needs a listenerPort for "${style}" routing`);
      }
      plan.push({ kind: "dedicated", port: service.listenerPort, service: service.name });
    }
  }
  if (style !== "listener") {
    const rules = services.map((service, i): PathRule => {
      if (service.pathPrefix === undefined) {
        throw new Error(`service "${service.name}" needs a pathPrefix for "${style}" routing`);
      }
      return {
        service: service.name,
        pathPrefix: service.pathPrefix,
        priority: service.priority ?? 100 * (i + 1),
      };
    });
    plan.push({ kind: "shared", port: sharedListenerPort, rules });
  }
  const ports = plan.map((l) => l.port);
  const duplicate = ports.find((port, i) => ports.indexOf(port) !== i);
  if (duplicate !== undefined) throw new Error(`listener port ${duplicate} is used twice`);
  return plan;
}

/** The path patterns that send a prefix and everything below it to a service. */
export function pathPatterns(pathPrefix: string): string[] {
  return [pathPrefix, `${pathPrefix}/*`];
}
