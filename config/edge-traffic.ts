import {
  listenerPlanProblems,
  listenerPorts,
  planListeners,
  type ListenerPlanInput,
  type RoutedService,
} from "../lib/listener-plan";
import type { NetworkAclPlan, TrafficPorts } from "../lib/network-acl-plan";
import { planNetworkAcls } from "../lib/network-acl-plan";
import { POSTGRES_PORT } from "../lib/ports";
import type { EnvironmentConfig, ServiceConfig } from "./model";

/** A service as the load balancer routes to it: its routing, port and health check. */
export interface LoadBalancedService extends RoutedService {
  readonly port: number;
  readonly healthCheck: ServiceConfig["healthCheck"];
}

/** The load balancer's routing in an environment: what plans its listeners. */
export interface LoadBalancerRouting extends ListenerPlanInput {
  readonly services: readonly LoadBalancedService[];
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

/** The ports the network ACLs admit, from the same listener plan and services as the security groups. */
export function trafficPorts(env: EnvironmentConfig): TrafficPorts {
  const { services } = env;
  const called = new Set(services.flatMap((s) => s.calls));
  return {
    loadBalancerPorts: listenerPorts(planListeners(loadBalancerRouting(env))),
    servicePorts: services.map((s) => s.port),
    calledServicePorts: services.filter((s) => called.has(s.name)).map((s) => s.port),
    databasePorts: services.some((s) => s.datastores.postgres) ? [POSTGRES_PORT] : [],
  };
}

/**
 * The environment's network ACLs, as the VPC module plans them from the same settings; undefined
 * when the routing admits no listener plan (the routing checks say why).
 */
export function networkAclPlan(env: EnvironmentConfig): NetworkAclPlan | undefined {
  if (listenerPlanProblems(loadBalancerRouting(env)).length > 0) return undefined;
  return planNetworkAcls({ ...env.vpc, vpcCidr: env.vpc.cidr, azs: env.azs }, trafficPorts(env));
}
