import type { ITerraformDependable } from "cdktf";
import type { CpuArchitecture } from "../../lib/docker-platform";
import type { CapacitySplit } from "./capacity-strategy";
import type { DatabaseConnection, TableAccess } from "./datastore-access";
import type { ServiceScaling } from "./service-autoscaling";
import type { PolicyStatement } from "./service-roles";
import type { ServiceSharedStorage, ServiceStaticObjects } from "./storage-access";

/** What the ECS module needs to know of one service's configuration: its manifest, after environment overrides. */
export interface EcsServiceDefinition {
  readonly name: string;
  /** The port the container listens on; also its Service Connect port. */
  readonly port: number;
  /** Fargate CPU units. */
  readonly cpu: number;
  /** Task memory in MiB (a valid Fargate pair with cpu). */
  readonly memory: number;
  /** "X86_64" or "ARM64". */
  readonly cpuArchitecture: CpuArchitecture;
  /** Number of tasks to run (the first deployment's count when the service autoscales). */
  readonly desiredCount: number;
  /** Target-tracking autoscaling between minCount and maxCount. @default a fixed desiredCount */
  readonly scaling?: ServiceScaling;
  readonly healthCheck: { readonly path: string; readonly gracePeriodSeconds: number };
  /**
   * Secret references by variable name: Secrets Manager ARNs (optionally `:json-key::`) or SSM
   * parameter ARNs, read by ECS at task start; empty for none.
   */
  readonly secrets: Readonly<Record<string, string>>;
  /** Plain environment variables (never secrets). */
  readonly environment: Readonly<Record<string, string>>;
  /** Services this one calls over Service Connect. */
  readonly calls: readonly string[];
  /**
   * The load balancer's path rule: the service serves its API under pathPrefix (PATH_PREFIX),
   * and its callers' <NAME>_URL includes it. @default served at the root
   */
  readonly routing?: { readonly pathPrefix?: string };
}

/** A service's image: where it is pulled from, and the step that pushes it there. */
export interface ServiceImage {
  /** The repository's URL, e.g. "123456789012.dkr.ecr.us-east-1.amazonaws.com/shop-prod/users". */
  readonly repositoryUrl: string;
  /** The repository's ARN: the only one the execution role may pull from. */
  readonly repositoryArn: string;
  /** The immutable tag (a content hash of the service). */
  readonly tag: string;
  /** The step that pushes the image: the task definition and the ECS service wait for it. */
  readonly buildStep: ITerraformDependable;
}

/** A service's target group on the load balancer. */
export interface ServiceTargetGroup {
  readonly arn: string;
  /** "targetgroup/<name>/<id>": with the load balancer's, the label of request-count scaling. */
  readonly arnSuffix: string;
  /** The listeners and rules that route to it: the ECS service waits for them. */
  readonly dependencies: readonly ITerraformDependable[];
}

/** One service, with everything the environment made for it. */
export interface EcsServiceProps {
  /** Its configuration. */
  readonly definition: EcsServiceDefinition;
  readonly image: ServiceImage;
  readonly targetGroup: ServiceTargetGroup;
  /** Its PostgreSQL database. @default none */
  readonly database?: DatabaseConnection;
  /** Its DynamoDB table and the operations it calls. @default none */
  readonly table?: TableAccess;
  /** What it may do with the environment's static objects bucket. @default nothing */
  readonly staticObjects?: ServiceStaticObjects;
  /** Its directory of the shared file system. @default not mounted */
  readonly sharedStorage?: ServiceSharedStorage;
  /**
   * The CloudWatch alarms that roll its deployments back: pass the alarms' own name attributes,
   * so the reference makes them exist before the service. Empty: the circuit breaker alone.
   */
  readonly deploymentAlarmNames: readonly string[];
  /** Extra task-role permissions. @default none */
  readonly taskStatements?: readonly PolicyStatement[];
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
  /** The load balancer's ARN suffix ("app/<name>/<id>"), for request-count scaling. */
  readonly loadBalancerArnSuffix: string;
  /** The services, each with its image, target group, data stores and alarms. */
  readonly services: readonly EcsServiceProps[];
  /** Days CloudWatch keeps the services' logs. */
  readonly logRetentionDays: number;
  /** The KMS key that encrypts the services' log groups. @default none (CloudWatch's own key) */
  readonly logsKmsKeyArn?: string;
  /** Container user (uid:gid); the images run as this non-root user. @default CONTAINER_UID:CONTAINER_GID ("1000:1000") */
  readonly containerUser?: string;
  /**
   * The VPC's DynamoDB gateway endpoint: table users send HTTPS to its prefix list, and their
   * table permissions hold only through it.
   * @default none (table users reach DynamoDB through the general HTTPS egress)
   */
  readonly dynamodbEndpoint?: { readonly id: string; readonly prefixListId: string };
  /** How each service's tasks are spread over Fargate and Fargate Spot. */
  readonly capacity: CapacitySplit;
  /** Run the X-Ray daemon next to every service and point the SDK at it. */
  readonly xray: boolean;
  /** The X-Ray daemon's image. @default XRAY_DAEMON_IMAGE (pinned, Amazon ECR Public) */
  readonly xrayDaemonImage?: string;
}
