import { CloudwatchLogGroup } from "@cdktf/provider-aws/lib/cloudwatch-log-group";
import { EcsCluster } from "@cdktf/provider-aws/lib/ecs-cluster";
import { EcsClusterCapacityProviders } from "@cdktf/provider-aws/lib/ecs-cluster-capacity-providers";
import { EcsService } from "@cdktf/provider-aws/lib/ecs-service";
import { EcsTaskDefinition } from "@cdktf/provider-aws/lib/ecs-task-definition";
import { SecurityGroup } from "@cdktf/provider-aws/lib/security-group";
import { ServiceDiscoveryHttpNamespace } from "@cdktf/provider-aws/lib/service-discovery-http-namespace";
import { Construct } from "constructs";
import { AWS_NAME_LIMITS, fitName } from "../../lib/aws-names";
import { ecsClusterName, ecsServiceName } from "../../lib/ecs-names";
import { calleeUrlVariables, pathPrefixVariables } from "../../lib/service-variables";
import {
  capacityProviderStrategy,
  FARGATE_CAPACITY_PROVIDERS,
  ON_DEMAND_ONLY,
} from "./capacity-strategy";
import { buildContainerDefinition, PORT_NAME, SCRATCH_VOLUME } from "./container-definition";
import { databaseWiring, tableWiring, type DatastoreWiring } from "./datastore-access";
import { secretReferenceWiring } from "./secret-references";
import {
  wireDatastoreRules,
  wireServiceRules,
  wireSharedStorageRules,
} from "./service-security-rules";
import { ServiceAutoscaling } from "./service-autoscaling";
import { ServiceRoles } from "./service-roles";
import { SHARED_VOLUME, sharedStorageWiring, staticObjectsWiring } from "./storage-access";
import {
  XRAY_DAEMON,
  XRAY_DAEMON_ADDRESS,
  XRAY_TASK_STATEMENT,
  xrayDaemonContainer,
} from "./xray-sidecar";

import type { EcsModuleProps, EcsServiceDefinition } from "./ecs-props";

export type { EcsModuleProps, EcsServiceDefinition } from "./ecs-props";

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
    const definitionOf = (service: string) => services.find((s) => s.name === service)!;
    const serviceConnectUrl = (service: string) =>
      `http://${service}:${definitionOf(service).port}`;
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
    wireServiceRules(this, services, securityGroupOf, props.albSecurityGroupId);
    wireDatastoreRules(this, props, securityGroupOf);
    wireSharedStorageRules(this, props, securityGroupOf);

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
          {
            ...service.environment,
            ...pathPrefixVariables(service),
            ...calleeUrlVariables(service.calls.map(definitionOf), serviceConnectUrl),
          },
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
}
