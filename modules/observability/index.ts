export { observabilityNames } from "../../lib/names/observability";
export { ObservabilityModule, type ObservabilityModuleProps } from "./observability-module";
export { AlarmTopic, KEY_ACCOUNT_ACTIONS, type AlarmTopicProps } from "./alarm-topic";
export { alarmName, planAlarms, type AlarmSpec } from "./alarm-plan";
export { DEFAULT_ALARM_THRESHOLDS, type AlarmThresholds } from "./alarm-thresholds";
export { buildDashboardBody, type DashboardBody, type DashboardInput } from "./dashboard-body";
export type {
  ObservedDatabase,
  ObservedResources,
  ObservedService,
  ObservedTable,
} from "./metrics";
