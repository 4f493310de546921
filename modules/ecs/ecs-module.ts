import { CloudwatchLogGroup } from "@cdktf/provider-aws/lib/cloudwatch-log-group";
import { EcsCluster } from "@cdktf/provider-aws/lib/ecs-cluster";
import { EcsClusterCapacityProviders } from "@cdktf/provider-aws/lib/ecs-cluster-capacity-providers";
import { EcsService } from "@cdktf/provider-aws/lib/ecs-service";
import { EcsTaskDefinition } from "@cdktf/provider-aws/lib/ecs-task-definition";
import { SecurityGroup } from "@cdktf/provider-aws/lib/security-group";
import { ServiceDiscoveryHttpNamespace } from "@cdktf/provider-aws/lib/service-discovery-http-namespace";
import { VpcSecurityGroupEgressRule } from "@cdktf/provider-aws/lib/vpc-security-group-egress-rule";
import { VpcSecurityGroupIngressRule } from "@cdktf/provider-aws/lib/vpc-security-group-ingress-rule";
import type { ITerraformDependable } from "cdktf";
import { Construct } from "constructs";
import { AWS_NAME_LIMITS, fitName } from "../../lib/aws-names";
import { ecsClusterName, ecsServiceName } from "../../lib/ecs-names";
import {
  capacityProviderStrategy,
  FARGATE_CAPACITY_PROVIDERS,
  ON_DEMAND_ONLY,
  type CapacitySplit,
} from "./capacity-strategy";
import {
  buildContainerDefinition,
  PORT_NAME,
  SCRATCH_VOLUME,
  serviceUrlVariables,
} from "./container-definition";
import {
  databaseWiring,
  tableWiring,
  type DatabaseConnection,
  type DatastoreWiring,
  type TableAccess,
} from "./datastore-access";
import { secretReferenceWiring } from "./secret-references";
import { ServiceAutoscaling, type ServiceScaling } from "./service-autoscaling";
import { ServiceRoles, type PolicyStatement } from "./service-roles";
import {
  NFS_PORT,
  SHARED_VOLUME,
  sharedStorageWiring,
  staticObjectsWiring,
  type SharedFileSystem,
  type StaticObjectsAccess,
  type StaticObjectsBucket,
} from "./storage-access";
import {
  XRAY_DAEMON,
  XRAY_DAEMON_ADDRESS,
  XRAY_TASK_STATEMENT,
  xrayDaemonContainer,
} from "./xray-sidecar";

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

/**
 * A Fargate cluster with Container Insights and a Service Connect namespace, and per service: a
 * log group, scoped execution and task roles, a task definition, a security group that admits only
 * the load balancer and the services that call it, and an ECS service in the private subnets wired
 * to its target group after its listener exists.
 *
 * A service with a database gets its connection settings as variables, its password as an ECS
 * secret that only its execution role may read, and a path to the database's security group. A
 * service with a table gets its name and region, and a task role limited to its declared
 * operations on that table and its indexes.
 */
export class EcsModule extends Construct {
  public readonly clusterName: string;
  public readonly clusterArn: string;
  public readonly namespaceArn: string;
  /** ECS service name per service. */
  public readonly serviceNames: Readonly<Record<string, string>>;
  public readonly taskRoleArns: Readonly<Record<string, string>>;
  public readonly executionRoleArns: Readonly<Record<string, string>>;
  public readonly logGroupNames: Readonly<Record<string, string>>;
  public readonly securityGroupIds: Readonly<Record<string, string>>;
  /** Task definition ARN per service. */
  public readonly taskDefinitionArns: Readonly<Record<string, string>>;

  constructor(scope: Construct, id: string, props: EcsModuleProps) {
    super(scope, id);
    const { name, services } = props;
    const portOf = (service: string) => services.find((s) => s.name === service)!.port;
    for (const [prop, record] of [
      ["databases", props.databases],
      ["tables", props.tables],
      ["deploymentAlarmNames", props.deploymentAlarmNames],
    ] as const) {
      const unknown = Object.keys(record ?? {}).filter((s) => !services.some((d) => d.name === s));
      if (unknown.length > 0) {
        throw new Error(
          `${prop} names unknown service(s) ${unknown.join(", ")}; key it by a service name`,
        );
      }
    }
    for (const service of services) {
      if (service.staticObjects && !props.staticObjects) {
        throw new Error(
          `service "${service.name}" uses staticObjects, but no bucket was given; pass the staticObjects bucket`,
        );
      }
      if (service.sharedStorage && !props.sharedStorage) {
        throw new Error(
          `service "${service.name}" uses sharedStorage, but no file system was given; pass sharedStorage`,
        );
      }
    }
    const sharedStorageOf = (service: EcsServiceDefinition) =>
      service.sharedStorage && props.sharedStorage
        ? sharedStorageWiring(props.sharedStorage, service.name)
        : undefined;
    const wiringOf = (service: EcsServiceDefinition): DatastoreWiring[] => {
      const database = props.databases?.[service.name];
      const table = props.tables?.[service.name];
      const shared = sharedStorageOf(service);
      return [
        ...(database ? [databaseWiring(database, props.region)] : []),
        ...(table ? [tableWiring(table, props.region, props.dynamodbEndpoint?.id)] : []),
        ...(service.staticObjects && props.staticObjects
          ? [staticObjectsWiring(props.staticObjects, service.staticObjects, props.region)]
          : []),
        ...(shared ? [shared.wiring] : []),
        ...(service.secrets && Object.keys(service.secrets).length > 0
          ? [secretReferenceWiring(service.secrets)]
          : []),
      ];
    };

    const namespace = new ServiceDiscoveryHttpNamespace(this, "namespace", {
      name,
      description: `Service Connect namespace of ${name}`,
    });
    const cluster = new EcsCluster(this, "cluster", {
      name: ecsClusterName(name),
      setting: [{ name: "containerInsights", value: "enabled" }],
      serviceConnectDefaults: { namespace: namespace.arn },
    });
    const strategy = capacityProviderStrategy(props.capacity ?? ON_DEMAND_ONLY);
    // A service's strategy may name only providers already associated with its cluster.
    const capacityProviders = new EcsClusterCapacityProviders(this, "capacity-providers", {
      clusterName: cluster.name,
      capacityProviders: [...FARGATE_CAPACITY_PROVIDERS],
      defaultCapacityProviderStrategy: strategy,
    });

    const securityGroups = new Map(
      services.map((service) => [
        service.name,
        new SecurityGroup(this, `security-group-${service.name}`, {
          name: fitName([name, service.name], AWS_NAME_LIMITS.securityGroup),
          description: `Tasks of ${service.name}: in from the load balancer and its callers only`,
          vpcId: props.vpcId,
          tags: { Name: `${name}-${service.name}` },
        }),
      ]),
    );
    const securityGroupOf = (service: string) => securityGroups.get(service)!;
    this.wireSecurityGroups(services, securityGroupOf, props.albSecurityGroupId);
    this.wireDatastoreRules(props, securityGroupOf);
    this.wireSharedStorageRules(props, securityGroupOf);

    const serviceNames: Record<string, string> = {};
    const taskRoleArns: Record<string, string> = {};
    const executionRoleArns: Record<string, string> = {};
    const logGroupNames: Record<string, string> = {};
    const taskDefinitionArns: Record<string, string> = {};

    for (const service of services) {
      const imageBuildStep = props.imageBuildSteps?.[service.name];
      const logGroup = new CloudwatchLogGroup(this, `log-group-${service.name}`, {
        name: `/ecs/${name}/${service.name}`,
        retentionInDays: props.logRetentionDays ?? 30,
        kmsKeyId: props.logsKmsKeyArn,
      });
      const wiring = wiringOf(service);
      const shared = sharedStorageOf(service);
      const roles = new ServiceRoles(this, `roles-${service.name}`, {
        namePrefix: `${name}-${service.name}`,
        region: props.region,
        accountId: props.accountId,
        repositoryArn: props.repositoryArns[service.name],
        logGroupArn: logGroup.arn,
        executionStatements: wiring.flatMap((w) => w.executionStatements),
        taskStatements: [
          ...wiring.flatMap((w) => w.taskStatements),
          ...(props.taskStatements?.[service.name] ?? []),
          ...(props.xray ? [XRAY_TASK_STATEMENT] : []),
        ],
      });
      const container = buildContainerDefinition({
        name: service.name,
        image: `${props.repositoryUrls[service.name]}:${props.imageTags[service.name]}`,
        port: service.port,
        healthCheckPath: service.healthCheck.path,
        user: props.containerUser ?? "1000:1000",
        environment: Object.assign(
          { ...service.environment, ...serviceUrlVariables(service.calls, portOf) },
          ...wiring.map((w) => w.environment),
          props.xray ? { AWS_XRAY_DAEMON_ADDRESS: XRAY_DAEMON_ADDRESS } : {},
        ),
        secrets: Object.assign({}, ...wiring.map((w) => w.secrets)),
        mountPoints:
          shared && service.sharedStorage
            ? [{ sourceVolume: SHARED_VOLUME, containerPath: service.sharedStorage.path }]
            : undefined,
        logGroupName: logGroup.name,
        region: props.region,
        startAfter: props.xray ? [XRAY_DAEMON.containerName] : undefined,
      });
      const sidecars = props.xray
        ? [
            xrayDaemonContainer({
              image: props.xrayDaemonImage,
              logGroupName: logGroup.name,
              region: props.region,
              taskMemory: service.memory,
              taskCpu: service.cpu,
            }),
          ]
        : [];
      const taskDefinition = new EcsTaskDefinition(this, `task-definition-${service.name}`, {
        family: `${name}-${service.name}`,
        requiresCompatibilities: ["FARGATE"],
        networkMode: "awsvpc",
        cpu: String(service.cpu),
        memory: String(service.memory),
        runtimePlatform: {
          operatingSystemFamily: "LINUX",
          cpuArchitecture: service.cpuArchitecture,
        },
        executionRoleArn: roles.executionRole.arn,
        taskRoleArn: roles.taskRole.arn,
        volume: [{ name: SCRATCH_VOLUME.name }, ...(shared ? [shared.volume] : [])],
        containerDefinitions: JSON.stringify([container, ...sidecars]),
        dependsOn: imageBuildStep ? [imageBuildStep] : undefined,
      });

      const targetGroupArn = props.targetGroupArns[service.name];
      const alarmNames = props.deploymentAlarmNames?.[service.name] ?? [];
      const ecsService = new EcsService(this, `service-${service.name}`, {
        name: ecsServiceName(service.name),
        cluster: cluster.arn,
        taskDefinition: taskDefinition.arn,
        desiredCount: service.desiredCount,
        capacityProviderStrategy: strategy,
        // Lets a changed strategy update the service in place instead of replacing it.
        forceNewDeployment: true,
        platformVersion: "LATEST",
        networkConfiguration: {
          subnets: props.subnetIds,
          securityGroups: [securityGroupOf(service.name).id],
          assignPublicIp: false,
        },
        loadBalancer: targetGroupArn
          ? [{ targetGroupArn, containerName: service.name, containerPort: service.port }]
          : undefined,
        healthCheckGracePeriodSeconds: targetGroupArn
          ? service.healthCheck.gracePeriodSeconds
          : undefined,
        deploymentCircuitBreaker: { enable: true, rollback: true },
        alarms:
          alarmNames.length > 0
            ? { alarmNames: [...alarmNames], enable: true, rollback: true }
            : undefined,
        deploymentMinimumHealthyPercent: 100,
        deploymentMaximumPercent: 200,
        serviceConnectConfiguration: {
          enabled: true,
          namespace: namespace.arn,
          service: [
            {
              portName: PORT_NAME,
              discoveryName: service.name,
              clientAlias: { port: service.port, dnsName: service.name },
            },
          ],
          logConfiguration: {
            logDriver: "awslogs",
            options: {
              "awslogs-group": logGroup.name,
              "awslogs-region": props.region,
              "awslogs-stream-prefix": "service-connect",
            },
          },
        },
        propagateTags: "SERVICE",
        enableEcsManagedTags: true,
        // The autoscaler owns the task count once the service exists: an apply never resets it.
        lifecycle: service.scaling ? { ignoreChanges: ["desired_count"] } : undefined,
        dependsOn: [
          capacityProviders,
          ...(props.routingDependencies[service.name] ?? []),
          ...(imageBuildStep ? [imageBuildStep] : []),
        ],
      });

      if (service.scaling) {
        const targetGroupSuffix = props.targetGroupArnSuffixes?.[service.name];
        new ServiceAutoscaling(this, `autoscaling-${service.name}`, {
          clusterName: cluster.name,
          serviceName: ecsService.name,
          policyNamePrefix: `${name}-${service.name}`,
          scaling: service.scaling,
          requestCountResourceLabel:
            props.loadBalancerArnSuffix && targetGroupSuffix
              ? `${props.loadBalancerArnSuffix}/${targetGroupSuffix}`
              : undefined,
        });
      }

      serviceNames[service.name] = ecsService.name;
      taskRoleArns[service.name] = roles.taskRole.arn;
      executionRoleArns[service.name] = roles.executionRole.arn;
      logGroupNames[service.name] = logGroup.name;
      taskDefinitionArns[service.name] = taskDefinition.arn;
    }

    this.clusterName = cluster.name;
    this.clusterArn = cluster.arn;
    this.namespaceArn = namespace.arn;
    this.serviceNames = serviceNames;
    this.taskRoleArns = taskRoleArns;
    this.executionRoleArns = executionRoleArns;
    this.logGroupNames = logGroupNames;
    this.securityGroupIds = Object.fromEntries(
      [...securityGroups].map(([svc, sg]) => [svc, sg.id]),
    );
    this.taskDefinitionArns = taskDefinitionArns;
  }

  /**
   * A service with a database sends to it on its port, and the database admits that service's
   * security group only. A service with a table sends HTTPS to the DynamoDB gateway endpoint's
   * prefix list (the general HTTPS rule would also cover it; this one keeps the path explicit).
   */
  private wireDatastoreRules(
    props: EcsModuleProps,
    securityGroupOf: (service: string) => SecurityGroup,
  ): void {
    for (const [service, database] of Object.entries(props.databases ?? {})) {
      const own = securityGroupOf(service);
      const rule = {
        description: `${service} connects to its PostgreSQL database on ${database.port}`,
        ipProtocol: "tcp",
        fromPort: database.port,
        toPort: database.port,
      };
      new VpcSecurityGroupEgressRule(this, `egress-${service}-to-database`, {
        ...rule,
        securityGroupId: own.id,
        referencedSecurityGroupId: database.securityGroupId,
      });
      new VpcSecurityGroupIngressRule(this, `ingress-database-from-${service}`, {
        ...rule,
        securityGroupId: database.securityGroupId,
        referencedSecurityGroupId: own.id,
      });
    }
    const endpoint = props.dynamodbEndpoint;
    if (!endpoint) return;
    for (const service of Object.keys(props.tables ?? {})) {
      new VpcSecurityGroupEgressRule(this, `egress-${service}-to-dynamodb`, {
        securityGroupId: securityGroupOf(service).id,
        description: `${service} reaches its DynamoDB table through the gateway endpoint`,
        ipProtocol: "tcp",
        fromPort: 443,
        toPort: 443,
        prefixListId: endpoint.prefixListId,
      });
    }
  }

  /** A service that mounts the shared file system sends NFS to it, and its mount targets admit it. */
  private wireSharedStorageRules(
    props: EcsModuleProps,
    securityGroupOf: (service: string) => SecurityGroup,
  ): void {
    const fileSystem = props.sharedStorage;
    if (!fileSystem) return;
    for (const service of props.services.filter((s) => s.sharedStorage)) {
      const rule = {
        description: `${service.name} mounts the shared file system (NFS)`,
        ipProtocol: "tcp",
        fromPort: NFS_PORT,
        toPort: NFS_PORT,
      };
      new VpcSecurityGroupEgressRule(this, `egress-${service.name}-to-shared-storage`, {
        ...rule,
        securityGroupId: securityGroupOf(service.name).id,
        referencedSecurityGroupId: fileSystem.securityGroupId,
      });
      new VpcSecurityGroupIngressRule(this, `ingress-shared-storage-from-${service.name}`, {
        ...rule,
        securityGroupId: fileSystem.securityGroupId,
        referencedSecurityGroupId: securityGroupOf(service.name).id,
      });
    }
  }

  /**
   * Ingress: the load balancer and each caller, on the service's port; nothing from a CIDR.
   * Egress: each callee on its port, and HTTPS out for AWS APIs (ECR, CloudWatch Logs) through the NAT.
   */
  private wireSecurityGroups(
    services: readonly EcsServiceDefinition[],
    securityGroupOf: (service: string) => SecurityGroup,
    albSecurityGroupId: string,
  ): void {
    for (const service of services) {
      const own = securityGroupOf(service.name);
      new VpcSecurityGroupIngressRule(this, `ingress-${service.name}-from-alb`, {
        securityGroupId: own.id,
        description: `Load balancer to ${service.name} on ${service.port}`,
        ipProtocol: "tcp",
        fromPort: service.port,
        toPort: service.port,
        referencedSecurityGroupId: albSecurityGroupId,
      });
      // AWS APIs the tasks need (ECR, CloudWatch Logs, Secrets Manager) are public HTTPS endpoints
      // reached through the NAT gateway; the destination cannot be narrowed to a CIDR.
      new VpcSecurityGroupEgressRule(this, `egress-${service.name}-https`, {
        securityGroupId: own.id,
        description: "HTTPS to AWS APIs (ECR, CloudWatch Logs) through the NAT gateway",
        ipProtocol: "tcp",
        fromPort: 443,
        toPort: 443,
        cidrIpv4: "0.0.0.0/0",
      });
      for (const callee of service.calls) {
        const target = services.find((s) => s.name === callee);
        if (!target) throw new Error(`service "${service.name}" calls unknown service "${callee}"`);
        new VpcSecurityGroupEgressRule(this, `egress-${service.name}-to-${callee}`, {
          securityGroupId: own.id,
          description: `${service.name} calls ${callee} on ${target.port}`,
          ipProtocol: "tcp",
          fromPort: target.port,
          toPort: target.port,
          referencedSecurityGroupId: securityGroupOf(callee).id,
        });
        new VpcSecurityGroupIngressRule(this, `ingress-${callee}-from-${service.name}`, {
          securityGroupId: securityGroupOf(callee).id,
          description: `${service.name} calls ${callee} on ${target.port}`,
          ipProtocol: "tcp",
          fromPort: target.port,
          toPort: target.port,
          referencedSecurityGroupId: own.id,
        });
      }
    }
  }
}
