export {
  AlbModule,
  type AlbModuleProps,
  type AlbService,
  type AlbTargetGroup,
  type AlbTargetHealthCheck,
} from "./alb-module";
export {
  listenerPlanProblems,
  listenerPorts,
  pathPatterns,
  planListeners,
  sharedListenerPortFor,
  type ListenerPlan,
  type ListenerPlanInput,
  type RoutingStyle,
} from "../../lib/listener-plan";
export { albNames } from "../../lib/names/alb";
export { TLS_POLICY } from "./listeners";
