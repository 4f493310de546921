import { editText } from "./temp-project";

/**
 * Breaks a checkout the way a careless change would: the ECS module forgets its log groups'
 * retention, which the security policy refuses (SEC-LOG-001) in both environments.
 */
export function forgetServiceLogRetention(root: string): void {
  editText(root, "modules/ecs/ecs-module.ts", "retentionInDays: props.logRetentionDays,", "");
}

/** The report of that mistake, as every command that synthesizes prints it. */
export function serviceLogRetentionReport(outcome: string): string[] {
  const line = (env: string, service: string) =>
    `${env}/ecs/log-group-${service}: SEC-LOG-001 Log group without retention: retention_in_days is not set, so events are kept forever; fix: set retention_in_days to the environment's logRetentionDays`;
  return [
    `Synthesis stopped: 4 security policy violation(s), ${outcome}.`,
    line("dev", "products"),
    line("dev", "users"),
    line("prod", "products"),
    line("prod", "users"),
  ];
}
