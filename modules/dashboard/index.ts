export { DashboardModule, type DashboardModuleProps } from "./dashboard-module";
export { DEFAULT_SERVICE_ALARM_THRESHOLDS, type ServiceAlarmThresholds } from "./alarm-thresholds";
export { buildDashboardBody, type DashboardBody, type DashboardInput } from "./dashboard-body";
export type {
  ObservedDatabase,
  ObservedResources,
  ObservedService,
  ObservedTable,
} from "./observed-resources";
export { planServiceAlarms } from "./service-alarm-plan";
export { observabilityNames } from "../../lib/names/observability";
