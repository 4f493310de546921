/**
 * When the load balancer's alarm and the deployment alarms fire. Each threshold says what it
 * guards; the evaluation windows are in deployment-alarm-plan.ts next to each alarm.
 */
export interface DeploymentAlarmThresholds {
  /** 5xx answers the load balancer itself generates (no healthy target, timeouts), per minute. */
  readonly loadBalancer5xxPerMinute: number;
  /** A service's share of requests answered with 5xx, in percent. */
  readonly target5xxPercent: number;
  /** Below this many requests a minute, a service's 5xx share is not judged (one error in two is noise). */
  readonly target5xxMinimumRequestsPerMinute: number;
  /** A service's 99th percentile response time, in seconds. */
  readonly p99LatencySeconds: number;
}

export const DEFAULT_DEPLOYMENT_ALARM_THRESHOLDS: DeploymentAlarmThresholds = {
  loadBalancer5xxPerMinute: 10,
  target5xxPercent: 5,
  target5xxMinimumRequestsPerMinute: 10,
  p99LatencySeconds: 2,
};
