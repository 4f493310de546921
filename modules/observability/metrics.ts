/**
 * The CloudWatch metrics the dashboard and the alarms read, typed, from one place: a metric is a
 * namespace, a name and the dimensions that pick one resource's series.
 */
export interface Metric {
  readonly namespace: string;
  readonly metricName: string;
  readonly dimensions: Readonly<Record<string, string>>;
}

/** Everything observed in one environment, named as CloudWatch names it. */
export interface ObservedResources {
  /** The load balancer's ARN suffix ("app/<name>/<id>"). */
  readonly loadBalancerArnSuffix: string;
  readonly clusterName: string;
  readonly services: readonly ObservedService[];
  readonly databases: readonly ObservedDatabase[];
  readonly tables: readonly ObservedTable[];
}

export interface ObservedService {
  /** The service's name in the project (labels and alarm names). */
  readonly name: string;
  /** Its ECS service name. */
  readonly ecsServiceName: string;
  /** Its target group's ARN suffix ("targetgroup/<name>/<id>"); absent when not behind the load balancer. */
  readonly targetGroupArnSuffix?: string;
  /** The fewest tasks it runs; 0 turns off the alarms that expect a running task. */
  readonly minimumTasks: number;
}

export interface ObservedDatabase {
  /** The service the database belongs to. */
  readonly service: string;
  /** The RDS instance identifier. */
  readonly identifier: string;
  /** Storage allocated at creation, in GiB (the free-storage alarm's reference). */
  readonly allocatedStorageGb: number;
}

export interface ObservedTable {
  /** The service the table belongs to. */
  readonly service: string;
  readonly tableName: string;
}

export const loadBalancerMetric = (loadBalancer: string, metricName: string): Metric => ({
  namespace: "AWS/ApplicationELB",
  metricName,
  dimensions: { LoadBalancer: loadBalancer },
});

export const targetGroupMetric = (
  loadBalancer: string,
  targetGroup: string,
  metricName: string,
): Metric => ({
  namespace: "AWS/ApplicationELB",
  metricName,
  dimensions: { TargetGroup: targetGroup, LoadBalancer: loadBalancer },
});

/** Per-service CPUUtilization and MemoryUtilization, published by ECS itself. */
export const ecsServiceMetric = (cluster: string, service: string, metricName: string): Metric => ({
  namespace: "AWS/ECS",
  metricName,
  dimensions: { ClusterName: cluster, ServiceName: service },
});

/** Per-service task counts, published by Container Insights (on for every cluster of this project). */
export const containerInsightsMetric = (
  cluster: string,
  service: string,
  metricName: string,
): Metric => ({
  namespace: "ECS/ContainerInsights",
  metricName,
  dimensions: { ClusterName: cluster, ServiceName: service },
});

export const databaseMetric = (identifier: string, metricName: string): Metric => ({
  namespace: "AWS/RDS",
  metricName,
  dimensions: { DBInstanceIdentifier: identifier },
});

export const tableMetric = (tableName: string, metricName: string): Metric => ({
  namespace: "AWS/DynamoDB",
  metricName,
  dimensions: { TableName: tableName },
});
