import { TerraformStack } from "cdktf";
import type { Construct } from "constructs";
import { resolve } from "node:path";
import type { DynamodbUse, EnvironmentConfig } from "./config/model";
import { loadBalancerRouting, trafficPorts } from "./config/edge-traffic";
import { namePrefix, serviceNameBase } from "./lib/names/name-prefix";
import { mapValues } from "./lib/map-values";
import { AlbModule } from "./modules/alb";
import { BackupModule } from "./modules/backup";
import { DashboardModule } from "./modules/dashboard";
import { DynamodbModule } from "./modules/dynamodb";
import { EcrModule } from "./modules/ecr";
import { EcsModule } from "./modules/ecs";
import { EncryptionModule } from "./modules/encryption";
import { ImageBuildModule } from "./modules/image-build";
import { ObservabilityModule } from "./modules/observability";
import { RdsModule } from "./modules/rds";
import { SharedStorageModule } from "./modules/shared-storage";
import { StaticObjectsModule } from "./modules/static-objects";
import { VpcModule } from "./modules/vpc";
import { WafModule } from "./modules/waf";
import { applySecurityPolicy } from "./policy";
import { useAwsProvider } from "./stacks/aws-provider";
import { databaseConnection, tableAccess } from "./stacks/datastore-wiring";
import { declareEnvironmentOutputs } from "./stacks/environment-outputs";
import { movedFrom } from "./stacks/moved-from";
import { useRemoteState } from "./stacks/remote-state";
import { StateStack } from "./stacks/state-stack";
import { exitOnConfigError, synthesizeProject, type SourceSettings } from "./stacks/synthesis";

export type { SourceSettings } from "./stacks/synthesis";

/**
 * One environment: network, load balancer, registries, each service's data stores, the dashboard
 * and alarms, and the autoscaled Fargate services, on S3 state.
 */
export class EnvironmentStack extends TerraformStack {
  constructor(scope: Construct, env: EnvironmentConfig, source: SourceSettings) {
    super(scope, env.name);
    applySecurityPolicy(this);
    const name = namePrefix(env.project, env.name);
    const services = env.services;
    const tags = { Project: env.project, Environment: env.name, ManagedBy: "cdktf", ...env.tags };
    useAwsProvider(this, { region: env.region, accountId: env.accountId, tags });
    // Backup copies live in a second region, through a provider of their own.
    const copyProvider =
      env.backup.copy &&
      useAwsProvider(
        this,
        { region: env.backup.copy.region, accountId: env.accountId, alias: "backup-copy", tags },
        "aws-backup-copy",
      );
    useRemoteState(this, { ...env.state, accountId: env.accountId });

    const encryption = new EncryptionModule(this, "encryption", { name, region: env.region });

    const backup = new BackupModule(this, "backup", {
      name,
      retentionDays: env.backup.retentionDays,
      coldStorageAfterDays: env.backup.coldStorageAfterDays,
      copy:
        env.backup.copy && copyProvider
          ? { ...env.backup.copy, provider: copyProvider }
          : undefined,
      accountId: env.accountId,
      forceDestroy: !env.deletionProtection,
    });

    const staticObjects = new StaticObjectsModule(this, "static-objects", {
      name,
      deletionProtection: env.deletionProtection,
    });

    // One routing plan decides the listeners, the load balancer's security group and the
    // network ACLs, so none of them can admit a port the others do not.
    const routing = loadBalancerRouting(env);
    const vpc = new VpcModule(this, "vpc", {
      name,
      region: env.region,
      accountId: env.accountId,
      cidr: env.vpc.cidr,
      azs: env.azs,
      publicSubnets: env.vpc.publicSubnets,
      privateSubnets: env.vpc.privateSubnets,
      natStrategy: env.vpc.natStrategy,
      interfaceEndpoints: env.vpc.interfaceEndpoints,
      ...trafficPorts(env),
      flowLogRetentionDays: env.logRetentionDays,
      logsKmsKeyArn: encryption.logsKmsKeyArn,
    });

    const alb = new AlbModule(this, "alb", {
      ...routing,
      name,
      region: env.region,
      accountId: env.accountId,
      vpcId: vpc.vpcId,
      vpcCidr: vpc.vpcCidr,
      subnetIds: vpc.publicSubnetIds,
      deletionProtection: env.deletionProtection,
      accessLogExpirationDays: env.security.accessLogs.expirationDays,
    });

    new WafModule(this, "waf", {
      name,
      region: env.region,
      accountId: env.accountId,
      resourceArn: alb.arn,
      rateLimit: env.security.waf.rateLimit,
      logRetentionDays: env.logRetentionDays,
      logsKmsKeyArn: encryption.logsKmsKeyArn,
    });

    const ecr = new EcrModule(this, "ecr", {
      namespace: name,
      repositories: services.map((s) => s.name),
      keepImages: env.ecr.keepImages,
      forceDelete: !env.production,
    });

    const images = new ImageBuildModule(this, "images", {
      region: env.region,
      workingDirectory: source.projectDir,
      images: services.map((s) => ({
        name: s.name,
        repositoryUrl: ecr.repositoryUrls[s.name],
        tag: source.imageTags[s.name],
        context: s.directory,
        dockerfile: `${s.directory}/Dockerfile`,
        cpuArchitecture: s.cpuArchitecture,
      })),
    });

    // Each service that declares a data store gets its own: an RDS PostgreSQL instance or a table.
    const databases = new Map<string, RdsModule>();
    const tables = new Map<string, { table: DynamodbModule; use: DynamodbUse }>();
    for (const service of services) {
      const { postgres, dynamodb } = service.datastores;
      if (postgres) {
        const database = new RdsModule(this, `postgres-${service.name}`, {
          ...env.database,
          identifier: serviceNameBase(name, service.name),
          vpcId: vpc.vpcId,
          subnetIds: vpc.privateSubnetIds,
          databaseName: postgres.database,
          username: postgres.username,
          deletionProtection: env.deletionProtection,
          finalSnapshot: env.production,
          logRetentionDays: env.logRetentionDays,
          logsKmsKeyArn: encryption.logsKmsKeyArn,
          tags: backup.selectionTag,
        });
        databases.set(service.name, database);
      }
      if (dynamodb) {
        const table = new DynamodbModule(this, `dynamodb-${service.name}`, {
          tableName: serviceNameBase(name, service.name),
          partitionKey: dynamodb.partitionKey,
          sortKey: dynamodb.sortKey,
          indexes: dynamodb.indexes,
          deletionProtection: env.deletionProtection,
          tags: backup.selectionTag,
        });
        tables.set(service.name, { table, use: dynamodb });
      }
    }

    // One EFS file system when services ask for shared storage: a directory (access point) each.
    const sharingServices = services.filter((s) => s.sharedStorage).map((s) => s.name);
    const sharedStorage =
      sharingServices.length > 0
        ? new SharedStorageModule(this, "shared-storage", {
            name,
            vpcId: vpc.vpcId,
            subnetIds: vpc.privateSubnetIds,
            services: sharingServices,
            // The backup plan selects it by tag: EFS's own automatic backups would duplicate it.
            automaticBackups: false,
            tags: backup.selectionTag,
          })
        : undefined;
    // The alarm topic and the deployment alarms come before the services they roll back.
    const observability = new ObservabilityModule(this, "observability", {
      name,
      region: env.region,
      loadBalancerArnSuffix: alb.arnSuffix,
      services: services.map((s) => ({
        name: s.name,
        targetGroupArnSuffix: alb.targetGroupArnSuffixes[s.name],
      })),
      alarmEmails: env.observability.alarmEmails,
    });

    // The ECS module takes the data stores' outputs: the services' variables, secrets and
    // permissions, and the rules between each service's security group and its database's.
    const ecs = new EcsModule(this, "ecs", {
      name,
      region: env.region,
      accountId: env.accountId,
      vpcId: vpc.vpcId,
      subnetIds: vpc.privateSubnetIds,
      albSecurityGroupId: alb.securityGroupId,
      services,
      targetGroupArns: alb.targetGroupArns,
      loadBalancerArnSuffix: alb.arnSuffix,
      targetGroupArnSuffixes: alb.targetGroupArnSuffixes,
      routingDependencies: alb.routingDependencies,
      repositoryUrls: ecr.repositoryUrls,
      repositoryArns: ecr.repositoryArns,
      imageTags: source.imageTags,
      imageBuildSteps: images.buildSteps,
      logRetentionDays: env.logRetentionDays,
      logsKmsKeyArn: encryption.logsKmsKeyArn,
      databases: mapValues(databases, databaseConnection),
      tables: mapValues(tables, ({ table, use }) => tableAccess(table, use)),
      dynamodbEndpoint: { id: vpc.dynamodbEndpointId, prefixListId: vpc.dynamodbPrefixListId },
      staticObjects,
      sharedStorage,
      capacity: env.compute,
      deploymentAlarmNames: Object.fromEntries(
        services.map((s) => [s.name, observability.deploymentAlarmNames(s.name)]),
      ),
      xray: env.observability.xray,
    });

    // The dashboard and the alarms on running services and data stores come after the services.
    const dashboard = new DashboardModule(this, "dashboard", {
      name,
      region: env.region,
      alarmTopicArn: observability.alarmTopicArn,
      loadBalancerArnSuffix: alb.arnSuffix,
      clusterName: ecs.clusterName,
      services: services.map((s) => ({
        name: s.name,
        ecsServiceName: ecs.serviceNames[s.name],
        targetGroupArnSuffix: alb.targetGroupArnSuffixes[s.name],
        minimumTasks: Math.min(s.desiredCount, s.scaling?.minCount ?? s.desiredCount),
      })),
      databases: [...databases].map(([service, database]) => ({
        service,
        identifier: database.identifier,
        allocatedStorageGb: env.database.allocatedStorageGb,
      })),
      tables: [...tables].map(([service, { table }]) => ({ service, tableName: table.tableName })),
      otherAlarmArns: observability.alarmArns,
    });
    // They were part of the observability module until it was split around the services.
    movedFrom(dashboard, ["observability"]);

    declareEnvironmentOutputs(this, {
      alb,
      ecr,
      ecs,
      observability,
      dashboard,
      databases,
      tables,
      staticObjects,
      backup,
      sharedStorage,
    });
  }
}

/** The state bootstrap stack and one stack per environment. */
export function synthesize(root: string, outdir: string): void {
  synthesizeProject(root, outdir, (app, { project, root: projectRoot, sourceFor }) => {
    new StateStack(app, {
      environments: project.environments,
      localStatePath: resolve(projectRoot, "terraform.state.tfstate"),
    });
    for (const env of project.environments) new EnvironmentStack(app, env, sourceFor(env));
  });
}

if (require.main === module) {
  exitOnConfigError(() => synthesize(process.cwd(), process.env.CDKTF_OUTDIR ?? "cdktf.out"));
}
