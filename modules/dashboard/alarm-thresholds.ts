/**
 * When the alarms on running services and data stores fire. Each threshold says what it guards;
 * the evaluation windows are in service-alarm-plan.ts next to each alarm.
 */
export interface ServiceAlarmThresholds {
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

export const DEFAULT_SERVICE_ALARM_THRESHOLDS: ServiceAlarmThresholds = {
  serviceCpuPercent: 90,
  serviceMemoryPercent: 90,
  databaseCpuPercent: 80,
  databaseFreeStoragePercent: 10,
  tableThrottleEventsPer5Minutes: 10,
};
