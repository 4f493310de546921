/**
 * The CloudWatch metrics the dashboards and alarms read, typed, from one place: a metric is a
 * namespace, a name and the dimensions that pick one resource's series.
 */
export interface Metric {
  readonly namespace: string;
  readonly metricName: string;
  readonly dimensions: Readonly<Record<string, string>>;
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
