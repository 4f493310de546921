import { AWS_NAME_LIMITS, fitName } from "../aws-names";
import { kmsAliasName } from "./kms-alias";

/** The names of an environment's alarms, alarm topic and dashboard; `prefix` is e.g. "shop-prod". */
export const observabilityNames = (prefix: string) => {
  const alarmTopic = `${prefix}-alarms`;
  return {
    /** What the alarm topic is given as its name; it fits it, and names its key after it. */
    alarmTopic,
    // modules/observability/alarm-topic.ts fits these two itself, from `alarmTopic`.
    alarmTopicFitted: fitName([alarmTopic], AWS_NAME_LIMITS.snsTopic),
    alarmTopicKeyAlias: kmsAliasName(alarmTopic),
    dashboard: fitName([prefix], AWS_NAME_LIMITS.cloudwatchDashboard),
    /** An alarm about the environment or one of its services: "<prefix>-<part>-…". */
    alarm: (...parts: string[]) => fitName([prefix, ...parts], AWS_NAME_LIMITS.cloudwatchAlarm),
  };
};
