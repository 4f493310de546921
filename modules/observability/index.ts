export { ObservabilityModule, type ObservabilityModuleProps } from "./observability-module";
export { AlarmTopic, type AlarmTopicProps } from "./alarm-topic";
export {
  planDeploymentAlarms,
  type DeployedService,
  type DeploymentAlarmPlan,
} from "./deployment-alarm-plan";
export {
  DEFAULT_DEPLOYMENT_ALARM_THRESHOLDS,
  type DeploymentAlarmThresholds,
} from "./alarm-thresholds";
export { observabilityNames } from "../../lib/names/observability";
