import { HTTP_PORT, HTTPS_PORT } from "./ports";

/** How the load balancer routes to services: one plan feeds the listeners, the security group and the network ACLs. */
export const ROUTING_STYLES = ["listener", "path", "both"] as const;
export type RoutingStyle = (typeof ROUTING_STYLES)[number];

export type ListenerProtocol = "HTTP" | "HTTPS";

export interface RoutedService {
  readonly name: string;
  /** Dedicated listener port (listener routing). */
  readonly listenerPort?: number;
  /** Path prefix on the shared listener (path routing). */
  readonly pathPrefix?: string;
  /** Listener rule priority of the path prefix, unique on the shared listener. */
  readonly priority: number;
}

/** What decides the load balancer's listeners. */
export interface ListenerPlanInput {
  /** The services to route to. */
  readonly services: readonly RoutedService[];
  /** Listener per service port, path-prefix rules on one shared listener, or both. */
  readonly routingStyle: RoutingStyle;
  /**
   * Port of the shared path-routing listener; with a certificate it can only be 443
   * ({@link sharedListenerPortFor} gives the usual one).
   */
  readonly sharedListenerPort: number;
  /**
   * An ACM certificate: every listener then serves HTTPS, and port 80 redirects to the shared
   * listener on 443. Without one, every listener is plain HTTP.
   * @default none (HTTP only)
   */
  readonly certificateArn?: string;
}

/** The shared listener's port unless another is chosen: 80 for plain HTTP, 443 with a certificate. */
export function sharedListenerPortFor(certificateArn: string | undefined): number {
  return certificateArn === undefined ? HTTP_PORT : HTTPS_PORT;
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

const usesListeners = (style: RoutingStyle) => style !== "path";
const usesPaths = (style: RoutingStyle) => style !== "listener";

/**
 * The listeners the input asks for, whether or not they can coexist: a dedicated listener per
 * service port for listener routing, and one shared listener with a rule per path prefix for path
 * routing. With a certificate, all of them serve HTTPS and, when there is a shared listener,
 * port 80 answers with a permanent redirect to it. A service without the field its routing needs
 * is left out ({@link listenerPlanProblems} reports it).
 */
function draftListeners(input: ListenerPlanInput): ListenerPlan[] {
  const { services, routingStyle: style } = input;
  const https = input.certificateArn !== undefined;
  const protocol: ListenerProtocol = https ? "HTTPS" : "HTTP";
  const plan: ListenerPlan[] = [];
  if (usesListeners(style)) {
    for (const { name, listenerPort } of services) {
      if (listenerPort !== undefined) {
        plan.push({ kind: "dedicated", port: listenerPort, protocol, service: name });
      }
    }
  }
  if (usesPaths(style)) {
    const rules = services.flatMap(({ name, pathPrefix, priority }): PathRule[] =>
      pathPrefix === undefined ? [] : [{ service: name, pathPrefix, priority }],
    );
    plan.push({ kind: "shared", port: input.sharedListenerPort, protocol, rules });
    if (https) plan.push({ kind: "redirect", port: HTTP_PORT, toPort: HTTPS_PORT });
  }
  return plan;
}

/** What makes the input's listeners impossible, one sentence each; empty when they can all exist. */
export function listenerPlanProblems(input: ListenerPlanInput): string[] {
  const { routingStyle: style } = input;
  const problems: string[] = [];
  for (const service of input.services) {
    if (usesListeners(style) && service.listenerPort === undefined) {
      problems.push(`service "${service.name}" needs a listenerPort for "${style}" routing`);
    }
    if (usesPaths(style) && service.pathPrefix === undefined) {
      problems.push(`service "${service.name}" needs a pathPrefix for "${style}" routing`);
    }
  }
  if (
    usesPaths(style) &&
    input.certificateArn !== undefined &&
    input.sharedListenerPort !== HTTPS_PORT
  ) {
    problems.push(
      `the shared listener serves HTTPS on ${HTTPS_PORT} when there is a certificate; got sharedListenerPort ${input.sharedListenerPort}`,
    );
  }
  const ports = draftListeners(input).map((listener) => listener.port);
  const duplicate = ports.find((port, i) => ports.indexOf(port) !== i);
  if (duplicate !== undefined) problems.push(`listener port ${duplicate} is used twice`);
  return problems;
}

/** The listeners the load balancer needs; throws, naming every problem, when they cannot exist. */
export function planListeners(input: ListenerPlanInput): ListenerPlan[] {
  const problems = listenerPlanProblems(input);
  if (problems.length > 0) throw new Error(problems.join("; "));
  return draftListeners(input);
}

/** The ports a plan listens on, ascending: what the internet may reach, and nothing else. */
export function listenerPorts(plan: readonly ListenerPlan[]): number[] {
  return [...new Set(plan.map((l) => l.port))].sort((a, b) => a - b);
}

/** The path patterns that send a prefix and everything below it to a service. */
export function pathPatterns(pathPrefix: string): string[] {
  return [pathPrefix, `${pathPrefix}/*`];
}
