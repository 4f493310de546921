/** How the load balancer routes to services: one plan feeds both the listeners and the security group. */
export type RoutingStyle = "listener" | "path" | "both";

export type ListenerProtocol = "HTTP" | "HTTPS";

/** The port HTTPS is served on when the load balancer has a certificate. */
export const HTTPS_PORT = 443;
/** The port plain HTTP arrives on: redirected to HTTPS when there is a certificate. */
export const HTTP_PORT = 80;

export interface RoutedService {
  readonly name: string;
  /** Dedicated listener port (listener routing). */
  readonly listenerPort?: number;
  /** Path prefix on the shared listener (path routing). */
  readonly pathPrefix?: string;
  /** Listener rule priority of the path prefix. */
  readonly priority?: number;
}

/** What decides the load balancer's listeners. */
export interface ListenerPlanInput {
  /** The services to route to. */
  readonly services: readonly RoutedService[];
  /** Listener per service port, path-prefix rules on one shared listener, or both. */
  readonly routingStyle: RoutingStyle;
  /**
   * Port of the shared path-routing listener; with a certificate it can only be 443.
   * @default 80, or 443 with a certificate
   */
  readonly sharedListenerPort?: number;
  /**
   * An ACM certificate: every listener then serves HTTPS, and port 80 redirects to the shared
   * listener on 443. Without one, every listener is plain HTTP.
   * @default none (HTTP only)
   */
  readonly certificateArn?: string;
}

export interface PathRule {
  readonly service: string;
  readonly pathPrefix: string;
  readonly priority: number;
}

export type ListenerPlan =
  | {
      readonly kind: "dedicated";
      readonly port: number;
      readonly protocol: ListenerProtocol;
      readonly service: string;
    }
  | {
      readonly kind: "shared";
      readonly port: number;
      readonly protocol: ListenerProtocol;
      readonly rules: readonly PathRule[];
    }
  | { readonly kind: "redirect"; readonly port: number; readonly toPort: number };

/**
 * The listeners the load balancer needs: a dedicated listener per service port for listener
 * routing, and one shared listener with a rule per path prefix for path routing. With a
 * certificate, all of them serve HTTPS and, when there is a shared listener (on 443), port 80
 * answers with a permanent redirect to it.
 */
export function planListeners(input: ListenerPlanInput): ListenerPlan[] {
  const { services, routingStyle: style } = input;
  const https = input.certificateArn !== undefined;
  const protocol: ListenerProtocol = https ? "HTTPS" : "HTTP";
  const sharedPort = input.sharedListenerPort ?? (https ? HTTPS_PORT : HTTP_PORT);
  const plan: ListenerPlan[] = [];
  if (style !== "path") {
    for (const service of services) {
      if (service.listenerPort === undefined) {
        throw new Error(`service "${service.name}" needs a listenerPort for "${style}" routing`);
      }
      plan.push({ kind: "dedicated", port: service.listenerPort, protocol, service: service.name });
    }
  }
  if (style !== "listener") {
    if (https && sharedPort !== HTTPS_PORT) {
      throw new Error(
        `the shared listener serves HTTPS on ${HTTPS_PORT} when there is a certificate; got sharedListenerPort ${sharedPort}`,
      );
    }
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
    plan.push({ kind: "shared", port: sharedPort, protocol, rules });
    if (https) plan.push({ kind: "redirect", port: HTTP_PORT, toPort: HTTPS_PORT });
  }
  const ports = listenerPorts(plan);
  const all = plan.map((l) => l.port);
  if (ports.length !== all.length) {
    const duplicate = all.find((port, i) => all.indexOf(port) !== i);
    throw new Error(`listener port ${duplicate} is used twice`);
  }
  return plan;
}

/** The ports a plan listens on, ascending: what the internet may reach, and nothing else. */
export function listenerPorts(plan: readonly ListenerPlan[]): number[] {
  return [...new Set(plan.map((l) => l.port))].sort((a, b) => a - b);
}

/** The path patterns that send a prefix and everything below it to a service. */
export function pathPatterns(pathPrefix: string): string[] {
  return [pathPrefix, `${pathPrefix}/*`];
}
