export {
  AlbModule,
  type AlbModuleProps,
  type AlbService,
  type AlbTargetHealthCheck,
} from "./alb-module";
export {
  HTTP_PORT,
  HTTPS_PORT,
  listenerPorts,
  pathPatterns,
  planListeners,
  type ListenerPlan,
  type ListenerPlanInput,
  type RoutingStyle,
} from "./listener-plan";
export { TLS_POLICY } from "./listeners";
