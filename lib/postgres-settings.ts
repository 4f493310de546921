/** How a service's RDS PostgreSQL instance is sized and kept: configuration sets it, the RDS module applies it. */
export interface PostgresSettings {
  /** PostgreSQL version: a major version lets minor versions upgrade automatically. */
  readonly engineVersion: string;
  /** The instance class, e.g. "db.t4g.micro". */
  readonly instanceClass: string;
  /** gp3 storage allocated at creation, in GiB. */
  readonly allocatedStorageGb: number;
  /** Storage autoscaling ceiling in GiB; equal to allocatedStorageGb turns autoscaling off. */
  readonly maxAllocatedStorageGb: number;
  /** Keep a synchronous standby in a second AZ. */
  readonly multiAz: boolean;
  /** Days of automated backups (point-in-time restore), 7 to 35. */
  readonly backupRetentionDays: number;
  /** Add a read replica in the same subnets, behind the same security group. */
  readonly readReplica: boolean;
  /** Turn on Performance Insights (7 days, encrypted with the instance's key). */
  readonly performanceInsights: boolean;
}
