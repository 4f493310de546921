import { CloudwatchLogGroup } from "@cdktf/provider-aws/lib/cloudwatch-log-group";
import { EcsCluster } from "@cdktf/provider-aws/lib/ecs-cluster";
import { EcsClusterCapacityProviders } from "@cdktf/provider-aws/lib/ecs-cluster-capacity-providers";
import { EcsService } from "@cdktf/provider-aws/lib/ecs-service";
import { EcsTaskDefinition } from "@cdktf/provider-aws/lib/ecs-task-definition";
import { SecurityGroup } from "@cdktf/provider-aws/lib/security-group";
import { ServiceDiscoveryHttpNamespace } from "@cdktf/provider-aws/lib/service-discovery-http-namespace";
import { Construct } from "constructs";
import { CONTAINER_GID, CONTAINER_UID } from "../../lib/container-user";
import { ecsNames } from "../../lib/names/ecs";
import { calleeUrlVariables, pathPrefixVariables } from "../../lib/service-variables";
import { capacityProviderStrategy, FARGATE_CAPACITY_PROVIDERS } from "./capacity-strategy";
import { buildContainerDefinition, PORT_NAME, SCRATCH_VOLUME } from "./container-definition";
import { databaseWiring, tableWiring, type DatastoreWiring } from "./datastore-access";
import type { EcsModuleProps, EcsServiceProps } from "./ecs-props";
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

export type {
  EcsModuleProps,
  EcsServiceDefinition,
  EcsServiceProps,
  ServiceImage,
  ServiceTargetGroup,
} from "./ecs-props";

/** What the ECS module made for one service. */
export interface EcsServiceOutputs {
  /** The service's name in the project. */
  readonly name: string;
  /** Its ECS service's name, as a reference: whatever reads it comes after the service. */
  readonly serviceName: string;
  readonly taskRoleArn: string;
  readonly executionRoleArn: string;
  readonly logGroupName: string;
  readonly securityGroupId: string;
  readonly taskDefinitionArn: string;
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
  /** What was made for each service, in the order of the props. */
  public readonly services: readonly EcsServiceOutputs[];

  constructor(scope: Construct, id: string, props: EcsModuleProps) {
    super(scope, id);
    const { name, services } = props;
    const names = ecsNames(name);
    const definitions = services.map((s) => s.definition);
    const definitionOf = (service: string) => definitions.find((s) => s.name === service)!;
    const serviceConnectUrl = (service: string) =>
      `http://${service}:${definitionOf(service).port}`;
    const wiringOf = (service: EcsServiceProps): DatastoreWiring[] => [
      ...(service.database ? [databaseWiring(service.database, props.region)] : []),
      ...(service.table
        ? [tableWiring(service.table, props.region, props.dynamodbEndpoint?.id)]
        : []),
      ...(service.staticObjects ? [staticObjectsWiring(service.staticObjects, props.region)] : []),
      ...(service.sharedStorage ? [sharedStorageWiring(service.sharedStorage).wiring] : []),
      ...(Object.keys(service.definition.secrets).length > 0
        ? [secretReferenceWiring(service.definition.secrets)]
        : []),
    ];

    const namespace = new ServiceDiscoveryHttpNamespace(this, "namespace", {
      name: names.serviceConnectNamespace,
      description: `Service Connect namespace of ${name}`,
    });
    const cluster = new EcsCluster(this, "cluster", {
      name: names.cluster,
      setting: [{ name: "containerInsights", value: "enabled" }],
      serviceConnectDefaults: { namespace: namespace.arn },
    });
    const strategy = capacityProviderStrategy(props.capacity);
    // A service's strategy may name only providers already associated with its cluster.
    const capacityProviders = new EcsClusterCapacityProviders(this, "capacity-providers", {
      clusterName: cluster.name,
      capacityProviders: [...FARGATE_CAPACITY_PROVIDERS],
      defaultCapacityProviderStrategy: strategy,
    });

    const securityGroups = new Map(
      definitions.map((service) => [
        service.name,
        new SecurityGroup(this, `security-group-${service.name}`, {
          name: names.service(service.name).securityGroup,
          description: `Tasks of ${service.name}: in from the load balancer and its callers only`,
          vpcId: props.vpcId,
          tags: { Name: `${name}-${service.name}` },
        }),
      ]),
    );
    const securityGroupOf = (service: string) => securityGroups.get(service)!;
    wireServiceRules(this, definitions, securityGroupOf, props.albSecurityGroupId);
    wireDatastoreRules(this, services, securityGroupOf, props.dynamodbEndpoint);
    wireSharedStorageRules(this, services, securityGroupOf);

    this.services = services.map((each) => {
      const { definition: service, image, targetGroup } = each;
      const ownNames = names.service(service.name);
      const logGroup = new CloudwatchLogGroup(this, `log-group-${service.name}`, {
        name: ownNames.logGroup,
        retentionInDays: props.logRetentionDays,
        kmsKeyId: props.logsKmsKeyArn,
      });
      const wiring = wiringOf(each);
      const shared = each.sharedStorage;
      const roles = new ServiceRoles(this, `roles-${service.name}`, {
        namePrefix: ownNames.base,
        region: props.region,
        accountId: props.accountId,
        repositoryArn: image.repositoryArn,
        logGroupArn: logGroup.arn,
        executionStatements: wiring.flatMap((w) => w.executionStatements),
        taskStatements: [
          ...wiring.flatMap((w) => w.taskStatements),
          ...(each.taskStatements ?? []),
          ...(props.xray ? [XRAY_TASK_STATEMENT] : []),
        ],
      });
      const container = buildContainerDefinition({
        name: ownNames.container,
        image: `${image.repositoryUrl}:${image.tag}`,
        port: service.port,
        healthCheckPath: service.healthCheck.path,
        user: props.containerUser ?? `${CONTAINER_UID}:${CONTAINER_GID}`,
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
        mountPoints: shared
          ? [{ sourceVolume: SHARED_VOLUME, containerPath: shared.mountPath }]
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
        family: ownNames.taskFamily,
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
        volume: [
          { name: SCRATCH_VOLUME.name },
          ...(shared ? [sharedStorageWiring(shared).volume] : []),
        ],
        containerDefinitions: JSON.stringify([container, ...sidecars]),
        dependsOn: [image.buildStep],
      });

      const alarmNames = each.deploymentAlarmNames;
      const ecsService = new EcsService(this, `service-${service.name}`, {
        name: ownNames.ecsService,
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
        loadBalancer: [
          {
            targetGroupArn: targetGroup.arn,
            containerName: ownNames.container,
            containerPort: service.port,
          },
        ],
        healthCheckGracePeriodSeconds: service.healthCheck.gracePeriodSeconds,
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
              discoveryName: ownNames.serviceConnect,
              clientAlias: { port: service.port, dnsName: ownNames.serviceConnect },
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
        dependsOn: [capacityProviders, ...targetGroup.dependencies, image.buildStep],
      });

      if (service.scaling) {
        new ServiceAutoscaling(this, `autoscaling-${service.name}`, {
          clusterName: cluster.name,
          serviceName: ecsService.name,
          policyNamePrefix: ownNames.base,
          scaling: service.scaling,
          requestCountResourceLabel: `${props.loadBalancerArnSuffix}/${targetGroup.arnSuffix}`,
        });
      }

      return {
        name: service.name,
        serviceName: ecsService.name,
        taskRoleArn: roles.taskRole.arn,
        executionRoleArn: roles.executionRole.arn,
        logGroupName: logGroup.name,
        securityGroupId: securityGroupOf(service.name).id,
        taskDefinitionArn: taskDefinition.arn,
      };
    });

    this.clusterName = cluster.name;
    this.clusterArn = cluster.arn;
    this.namespaceArn = namespace.arn;
  }

  /** What was made for the service of that name; throws for a service it was not given. */
  public service(name: string): EcsServiceOutputs {
    const found = this.services.find((s) => s.name === name);
    if (!found) throw new Error(`no ECS service "${name}"; pass it in the ECS module's services`);
    return found;
  }
}
