import type { EnvironmentConfig } from "../config/model";
import type { AlbService } from "../modules/alb";
// The plan itself, not the module's index: configuration checks import this file, and the plan is
// plain code where the module loads cdktf and the provider.
import { listenerPorts, planListeners, type ListenerPlanInput } from "../modules/alb/listener-plan";

/** The port every service's PostgreSQL database listens on. */
export const DATABASE_PORT = 5432;

/** The load balancer's routing in an environment: what plans its listeners. */
export interface LoadBalancerRouting extends ListenerPlanInput {
  readonly services: readonly AlbService[];
}

export function loadBalancerRouting(env: EnvironmentConfig): LoadBalancerRouting {
  return {
    services: env.services.map((s) => ({
      ...s.routing,
      name: s.name,
      port: s.port,
      healthCheck: s.healthCheck,
    })),
    routingStyle: env.routing.style,
    sharedListenerPort: env.routing.sharedListenerPort,
    certificateArn: env.routing.certificateArn,
  };
}

/** The ports the network ACLs admit, from the same plan and services as the security groups. */
export interface TrafficPorts {
  readonly loadBalancerPorts: readonly number[];
  readonly servicePorts: readonly number[];
  readonly calledServicePorts: readonly number[];
  readonly databasePorts: readonly number[];
}

export function trafficPorts(env: EnvironmentConfig, routing: LoadBalancerRouting): TrafficPorts {
  const { services } = env;
  const called = new Set(services.flatMap((s) => s.calls));
  return {
    loadBalancerPorts: listenerPorts(planListeners(routing)),
    servicePorts: services.map((s) => s.port),
    calledServicePorts: services.filter((s) => called.has(s.name)).map((s) => s.port),
    databasePorts: services.some((s) => s.datastores.postgres) ? [DATABASE_PORT] : [],
  };
}
