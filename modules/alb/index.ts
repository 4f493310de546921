export {
  AlbModule,
  type AlbModuleProps,
  type AlbService,
  type AlbTargetHealthCheck,
} from "./alb-module";
export { planListeners, pathPatterns, type ListenerPlan, type RoutingStyle } from "./listener-plan";
