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
