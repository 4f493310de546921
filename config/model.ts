import type { PostgresSettings } from "../lib/postgres-settings";
import type {
  CpuArchitecture,
  DynamodbAttributeType,
  DynamodbOperation,
  DynamodbProjection,
  FargateCpu,
  InterfaceEndpoint,
  NatStrategy,
  RoutingStyle,
  StaticObjectAccess,
} from "./schema/constants";

/** The whole configuration: every environment, and every service manifest as written once. */
export interface ProjectConfig {
  readonly environments: readonly EnvironmentConfig[];
  /** The services' manifests, before any environment's overrides. */
  readonly services: readonly ServiceConfig[];
}

/**
 * The configuration after validation and defaults: what main.ts and the modules consume.
 * Every field is present; nothing here is optional unless its absence means something.
 */
export interface EnvironmentConfig {
  /** The file it came from, relative to the project root. */
  readonly file: string;
  readonly name: string;
  readonly project: string;
  readonly production: boolean;
  readonly region: string;
  readonly accountId?: string;
  readonly azs: readonly string[];
  readonly vpc: {
    readonly cidr: string;
    /** One per AZ, in the order of `azs`: as written, or derived from the VPC CIDR. */
    readonly publicSubnets: readonly string[];
    /** One per AZ, in the order of `azs`: as written, or derived from the VPC CIDR. */
    readonly privateSubnets: readonly string[];
    readonly natStrategy: NatStrategy;
    /** Interface VPC endpoints for the private subnets (empty when none is asked for). */
    readonly interfaceEndpoints: readonly InterfaceEndpoint[];
  };
  readonly routing: {
    readonly style: RoutingStyle;
    /** 80 by default; 443 (the only port allowed) when there is a certificate. */
    readonly sharedListenerPort: number;
    /** When set, the load balancer serves HTTPS on 443 with this certificate and redirects 80. */
    readonly certificateArn?: string;
  };
  readonly security: SecuritySettings;
  readonly deletionProtection: boolean;
  readonly logRetentionDays: number;
  readonly ecr: { readonly keepImages: number };
  /** Settings of the PostgreSQL instances of the services that declare postgres. */
  readonly database: DatabaseSettings;
  /** AWS Backup of the environment's databases, tables and file systems. */
  readonly backup: BackupSettings;
  /** How the services' tasks are spread over Fargate and Fargate Spot. */
  readonly compute: ComputeSettings;
  readonly observability: ObservabilitySettings;
  readonly state: StateConfig;
  readonly tags: Readonly<Record<string, string>>;
  /** The services deployed in this environment, with this environment's sizes and counts applied. */
  readonly services: readonly ServiceConfig[];
}

export interface SecuritySettings {
  readonly waf: {
    /** Requests one client IP may make in a 5-minute window before it is blocked. */
    readonly rateLimit: number;
  };
  readonly accessLogs: {
    /** Days the load balancer's access logs are kept. */
    readonly expirationDays: number;
  };
}

/** Target-tracking autoscaling of a service's task count; at least one target is always set. */
export interface ScalingConfig {
  readonly minCount: number;
  readonly maxCount: number;
  readonly cpuTargetPercent?: number;
  readonly memoryTargetPercent?: number;
  /** Load balancer requests per task per minute. */
  readonly requestsPerTarget?: number;
}

/** The capacity provider strategy of every service: a Fargate base, then weights. */
export interface ComputeSettings {
  readonly onDemandBase: number;
  readonly onDemandWeight: number;
  readonly spotWeight: number;
}

export interface ObservabilitySettings {
  /** Addresses subscribed to the alarm topic (empty: alarms notify nobody). */
  readonly alarmEmails: readonly string[];
  /** Run the X-Ray daemon next to every service. */
  readonly xray: boolean;
}

export type DatabaseSettings = PostgresSettings;

export interface BackupSettings {
  /** Days each daily recovery point is kept. */
  readonly retentionDays: number;
  /** Days before a recovery point moves to cold storage (where supported); none when absent. */
  readonly coldStorageAfterDays?: number;
  /** A copy of each recovery point in another region; none when absent. */
  readonly copy?: { readonly region: string; readonly retentionDays: number };
}

export interface StateConfig {
  readonly bucket: string;
  readonly key: string;
  readonly region: string;
  readonly lock: "s3" | "dynamodb";
  readonly dynamodbTable?: string;
}

export interface ServiceConfig {
  /** The manifest it came from, relative to the project root. */
  readonly file: string;
  /** The service folder (source, Dockerfile, manifest), relative to the project root. */
  readonly directory: string;
  readonly name: string;
  readonly port: number;
  readonly healthCheck: {
    readonly path: string;
    readonly intervalSeconds: number;
    readonly timeoutSeconds: number;
    readonly healthyThreshold: number;
    readonly unhealthyThreshold: number;
    readonly gracePeriodSeconds: number;
  };
  readonly cpu: FargateCpu;
  readonly memory: number;
  readonly cpuArchitecture: CpuArchitecture;
  readonly desiredCount: number;
  /** Autoscaling between minCount and maxCount; absent when the service runs a fixed count. */
  readonly scaling?: ScalingConfig;
  readonly routing: {
    readonly listenerPort?: number;
    readonly pathPrefix?: string;
    /** As written, or derived from the service name. */
    readonly priority: number;
  };
  /** Plain environment variables, by name. */
  readonly environment: Readonly<Record<string, string>>;
  /** Environment variables filled from Secrets Manager or SSM at task start: name to ARN (ECS valueFrom). */
  readonly secrets: Readonly<Record<string, string>>;
  readonly calls: readonly string[];
  /** The data stores the service declares; each gets created for it and wired into its task. */
  readonly datastores: ServiceDatastores;
  /** What the service may do with the environment's static objects bucket; absent: nothing. */
  readonly staticObjects?: StaticObjectAccess;
  /** A directory on EFS shared by the service's tasks, mounted at `path`; absent: none. */
  readonly sharedStorage?: { readonly path: string };
}

export interface ServiceDatastores {
  readonly postgres?: PostgresUse;
  readonly dynamodb?: DynamodbUse;
}

export interface PostgresUse {
  /** The database created on the service's instance. */
  readonly database: string;
  /** The master user, whose password RDS keeps in Secrets Manager. */
  readonly username: string;
}

export interface DynamodbKey {
  readonly name: string;
  readonly type: DynamodbAttributeType;
}

export interface DynamodbIndex {
  readonly name: string;
  readonly partitionKey: DynamodbKey;
  readonly sortKey?: DynamodbKey;
  readonly projection: DynamodbProjection;
}

export interface DynamodbUse {
  readonly partitionKey: DynamodbKey;
  readonly sortKey?: DynamodbKey;
  readonly indexes: readonly DynamodbIndex[];
  /** The operations the service calls: exactly what its task role may do. */
  readonly operations: readonly DynamodbOperation[];
}
