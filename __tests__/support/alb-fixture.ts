import {
  AlbModule,
  type AlbModuleProps,
  type AlbService,
  type AlbTargetHealthCheck,
} from "../../modules/alb";
import { synthScope, type Synthesized } from "./synth";

/** A health check on /health every 15 s, failing after 5 s, healthy after 2, unhealthy after 3. */
export const HEALTH_CHECK: AlbTargetHealthCheck = {
  path: "/health",
  intervalSeconds: 15,
  timeoutSeconds: 5,
  healthyThreshold: 2,
  unhealthyThreshold: 3,
};

/** Two services as the load balancer module sees them, for module tests. */
export const USERS: AlbService = {
  name: "users",
  port: 8000,
  listenerPort: 8080,
  pathPrefix: "/users",
  priority: 100,
  healthCheck: HEALTH_CHECK,
};

export const PRODUCTS: AlbService = {
  ...USERS,
  name: "products",
  port: 8001,
  listenerPort: 8081,
  pathPrefix: "/products",
  priority: 200,
};

/** A load balancer for users and products in a two-AZ VPC, routing both ways, without HTTPS. */
export const ALB_PROPS: AlbModuleProps = {
  name: "shop-prod",
  region: "us-east-1",
  vpcId: "vpc-123",
  vpcCidr: "10.0.0.0/16",
  subnetIds: ["subnet-a", "subnet-b"],
  services: [USERS, PRODUCTS],
  routingStyle: "both",
  sharedListenerPort: 80,
  deletionProtection: true,
  accessLogExpirationDays: 90,
};

/** A load balancer module with these props, synthesized alone. */
export function synthAlbModule(props: AlbModuleProps): Synthesized {
  return synthScope((scope) => {
    new AlbModule(scope, "alb", props);
  });
}
