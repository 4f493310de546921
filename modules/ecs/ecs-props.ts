import type { ITerraformDependable } from "cdktf";
import type { CapacitySplit } from "./capacity-strategy";
import type { DatabaseConnection, TableAccess } from "./datastore-access";
import type { ServiceScaling } from "./service-autoscaling";
import type { PolicyStatement } from "./service-roles";
import type { SharedFileSystem, StaticObjectsAccess, StaticObjectsBucket } from "./storage-access";

/** What the ECS module needs to know of one service: its manifest, after environment overrides. */
export interface EcsServiceDefinition {
  readonly name: string;
  /** The port the container listens on; also its Service Connect port. */
  readonly port: number;
  /** Fargate CPU units. */
  readonly cpu: number;
  /** Task memory in MiB (a valid Fargate pair with cpu). */
  readonly memory: number;
  /** "X86_64" or "ARM64". */
  readonly cpuArchitecture: string;
  /** Number of tasks to run (the first deployment's count when the service autoscales). */
  readonly desiredCount: number;
  /** Target-tracking autoscaling between minCount and maxCount. @default a fixed desiredCount */
  readonly scaling?: ServiceScaling;
  readonly healthCheck: { readonly path: string; readonly gracePeriodSeconds: number };
  /**
   * Secret references by variable name: Secrets Manager ARNs (optionally `:json-key::`) or SSM
   * parameter ARNs, read by ECS at task start. @default none
   */
  readonly secrets?: Readonly<Record<string, string>>;
  /** Plain environment variables (never secrets). */
  readonly environment: Readonly<Record<string, string>>;
  /** Services this one calls over Service Connect. */
  readonly calls: readonly string[];
  /**
   * The load balancer's path rule: the service serves its API under pathPrefix (PATH_PREFIX),
   * and its callers' <NAME>_URL includes it. @default served at the root
   */
  readonly routing?: { readonly pathPrefix?: string };
  /** What the service does with the environment's static objects bucket. @default nothing */
  readonly staticObjects?: StaticObjectsAccess;
  /** Where the service's directory of the shared file system is mounted. @default not mounted */
  readonly sharedStorage?: { readonly path: string };
}

export interface EcsModuleProps {
  /** Prefix of every resource name, e.g. "shop-prod". */
  readonly name: string;
  readonly region: string;
  /** When known, role trust policies accept ECS only on behalf of this account. */
  readonly accountId?: string;
  readonly vpcId: string;
  /** Private subnets the tasks run in, without public IPs. */
  readonly subnetIds: string[];
  /** The load balancer's security group: the only source of outside traffic to the services. */
  readonly albSecurityGroupId: string;
  readonly services: readonly EcsServiceDefinition[];
  /** Target group ARN per service name. */
  readonly targetGroupArns: Readonly<Record<string, string>>;
  /**
   * The load balancer's ARN suffix and each target group's, for ALBRequestCountPerTarget scaling
   * (needed by services whose scaling sets requestsPerTarget). @default none
   */
  readonly loadBalancerArnSuffix?: string;
  readonly targetGroupArnSuffixes?: Readonly<Record<string, string>>;
  /** Listeners and rules each service's target group is attached through; the ECS service waits for them. */
  readonly routingDependencies: Readonly<Record<string, readonly ITerraformDependable[]>>;
  /** Repository URL per service name. */
  readonly repositoryUrls: Readonly<Record<string, string>>;
  /** Repository ARN per service name, for the execution role's pull permission. */
  readonly repositoryArns: Readonly<Record<string, string>>;
  /** Image tag per service name (immutable: a content hash of the service). */
  readonly imageTags: Readonly<Record<string, string>>;
  /** The step that pushes each service's image: its task definition and ECS service wait for it. @default none */
  readonly imageBuildSteps?: Readonly<Record<string, ITerraformDependable>>;
  /** Days CloudWatch keeps the services' logs. @default 30 */
  readonly logRetentionDays?: number;
  /** The KMS key that encrypts the services' log groups. @default none (CloudWatch's own key) */
  readonly logsKmsKeyArn?: string;
  /** Container user (uid:gid); the images run as this non-root user. @default "1000:1000" */
  readonly containerUser?: string;
  /** Extra task-role permissions per service name. */
  readonly taskStatements?: Readonly<Record<string, readonly PolicyStatement[]>>;
  /** The PostgreSQL database of each service that has one, by service name. @default none */
  readonly databases?: Readonly<Record<string, DatabaseConnection>>;
  /** The DynamoDB table of each service that has one, by service name. @default none */
  readonly tables?: Readonly<Record<string, TableAccess>>;
  /** The static objects bucket, required when a service declares staticObjects. @default none */
  readonly staticObjects?: StaticObjectsBucket;
  /** The shared file system, required when a service declares sharedStorage. @default none */
  readonly sharedStorage?: SharedFileSystem;
  /**
   * The VPC's DynamoDB gateway endpoint: table users send HTTPS to its prefix list, and their
   * table permissions hold only through it.
   * @default none (table users reach DynamoDB through the general HTTPS egress)
   */
  readonly dynamodbEndpoint?: { readonly id: string; readonly prefixListId: string };
  /**
   * How each service's tasks are spread over Fargate and Fargate Spot.
   * @default every task on demand
   */
  readonly capacity?: CapacitySplit;
  /**
   * CloudWatch alarm names per service that roll a deployment back when they fire. Pass the
   * alarms' own name attributes: the reference makes them exist before the service.
   * @default none (the circuit breaker alone rolls back)
   */
  readonly deploymentAlarmNames?: Readonly<Record<string, readonly string[]>>;
  /** Run the X-Ray daemon next to every service and point the SDK at it. @default false */
  readonly xray?: boolean;
  /** The X-Ray daemon's image. @default XRAY_DAEMON_IMAGE (pinned, Amazon ECR Public) */
  readonly xrayDaemonImage?: string;
}
