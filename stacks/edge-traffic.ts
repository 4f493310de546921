import type { EnvironmentConfig } from "../config/model";
import type { AlbService, ListenerPlanInput } from "../modules/alb";

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
