/**
 * When the alarms fire. Each threshold says what it guards; the evaluation windows are in
 * alarm-plan.ts next to each alarm.
 */
export interface AlarmThresholds {
  /** 5xx answers the load balancer itself generates (no healthy target, timeouts), per minute. */
  readonly loadBalancer5xxPerMinute: number;
  /** A service's share of requests answered with 5xx, in percent. */
  readonly target5xxPercent: number;
  /** Below this many requests a minute, a service's 5xx share is not judged (one error in two is noise). */
  readonly target5xxMinimumRequestsPerMinute: number;
  /** A service's 99th percentile response time, in seconds. */
  readonly p99LatencySeconds: number;
  /** A service's average CPU utilization, in percent: autoscaling tracks 70, so this means it is out of room. */
  readonly serviceCpuPercent: number;
  /** A service's average memory utilization, in percent. */
  readonly serviceMemoryPercent: number;
  /** A database's CPU utilization, in percent. */
  readonly databaseCpuPercent: number;
  /** A database's free storage, in percent of the storage allocated at creation. */
  readonly databaseFreeStoragePercent: number;
  /** Throttled reads or writes on a table, per five minutes (SDK retries absorb fewer). */
  readonly tableThrottleEventsPer5Minutes: number;
}

export const DEFAULT_ALARM_THRESHOLDS: AlarmThresholds = {
  loadBalancer5xxPerMinute: 10,
  target5xxPercent: 5,
  target5xxMinimumRequestsPerMinute: 10,
  p99LatencySeconds: 2,
  serviceCpuPercent: 90,
  serviceMemoryPercent: 90,
  databaseCpuPercent: 80,
  databaseFreeStoragePercent: 10,
  tableThrottleEventsPer5Minutes: 10,
};
