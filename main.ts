import type { Construct } from "constructs";
import { resolve } from "node:path";
import type { EnvironmentConfig } from "./config/model";
import { loadBalancerRouting, trafficPorts } from "./config/edge-traffic";
import { namePrefix } from "./lib/names/name-prefix";
import { AlbModule } from "./modules/alb";
import { BackupModule } from "./modules/backup";
import { DashboardModule } from "./modules/dashboard";
import { EcrModule } from "./modules/ecr";
import { EcsModule } from "./modules/ecs";
import { EncryptionModule } from "./modules/encryption";
import { ImageBuildModule } from "./modules/image-build";
import { ObservabilityModule } from "./modules/observability";
import { SharedStorageModule } from "./modules/shared-storage";
import { StaticObjectsModule } from "./modules/static-objects";
import { VpcModule } from "./modules/vpc";
import { WafModule } from "./modules/waf";
import { applySecurityPolicy, suppress } from "./policy";
import { ecsServiceProps } from "./stacks/ecs-service-props";
import { declareEnvironmentOutputs } from "./stacks/environment-outputs";
import { useEnvironmentProviders } from "./stacks/environment-providers";
import { movedFrom } from "./constructs";
import { observedServices } from "./stacks/observed-services";
import { SelfContainedStack } from "./stacks/self-contained-stack";
import { serviceDatastores } from "./stacks/service-datastores";
import { StateStack } from "./stacks/state-stack";
import { exitOnError } from "./stacks/error-report";
import {
  imageTagOf,
  synthesizeProject,
  type SourceSettings,
  type SynthesisStep,
} from "./stacks/synthesis";

export type { SourceSettings } from "./stacks/synthesis";

/**
 * One environment: network, load balancer, registries, each service's data stores, the dashboard
 * and alarms, and the autoscaled Fargate services, on S3 state.
 */
export class EnvironmentStack extends SelfContainedStack {
  constructor(scope: Construct, env: EnvironmentConfig, source: SourceSettings) {
    super(scope, env.name);
    applySecurityPolicy(this);
    if (env.logRetentionDays < 365) {
      suppress(
        this,
        "SEC-LOG-003",
        `the environment keeps its logs ${env.logRetentionDays} days (logRetentionDays): its own choice of cost against how far back an investigation can look`,
      );
    }
    const name = namePrefix(env.project, env.name);
    const services = env.services;
    const backupCopyProvider = useEnvironmentProviders(this, env);

    const encryption = new EncryptionModule(this, "encryption", { name, region: env.region });

    const backup = new BackupModule(this, "backup", {
      name,
      retentionDays: env.backup.retentionDays,
      coldStorageAfterDays: env.backup.coldStorageAfterDays,
      copy:
        env.backup.copy && backupCopyProvider
          ? { ...env.backup.copy, provider: backupCopyProvider }
          : undefined,
      accountId: env.accountId,
      forceDestroy: !env.deletionProtection,
    });

    // One routing plan decides the listeners, the load balancer's security group and the
    // network ACLs, so none of them can admit a port the others do not.
    const vpc = new VpcModule(this, "vpc", {
      ...env.vpc,
      ...trafficPorts(env),
      name,
      region: env.region,
      accountId: env.accountId,
      azs: env.azs,
      flowLogRetentionDays: env.logRetentionDays,
      logsKmsKeyArn: encryption.logsKmsKeyArn,
    });

    const alb = new AlbModule(this, "alb", {
      ...loadBalancerRouting(env),
      name,
      region: env.region,
      accountId: env.accountId,
      vpcId: vpc.vpcId,
      vpcCidr: vpc.vpcCidr,
      subnetIds: vpc.publicSubnetIds,
      deletionProtection: env.deletionProtection,
      accessLogExpirationDays: env.security.accessLogs.expirationDays,
    });

    const staticObjects = new StaticObjectsModule(this, "static-objects", {
      name,
      serverAccessLogs: alb.serverAccessLogs,
      deletionProtection: env.deletionProtection,
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
        repositoryUrl: ecr.repository(s.name).url,
        tag: imageTagOf(source, s.name),
        context: s.directory,
        dockerfile: `${s.directory}/Dockerfile`,
        cpuArchitecture: s.cpuArchitecture,
      })),
    });

    // Each service that declares a data store gets its own: an RDS PostgreSQL instance or a table.
    const resources = serviceDatastores(this, env, { prefix: name, vpc, encryption, backup });

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
      services: alb.targetGroups.map((t) => ({
        name: t.service,
        targetGroupArnSuffix: t.arnSuffix,
      })),
      alarmEmails: env.observability.alarmEmails,
    });

    const modules = { alb, ecr, images, observability, staticObjects, sharedStorage };
    const ecs = new EcsModule(this, "ecs", {
      name,
      region: env.region,
      accountId: env.accountId,
      vpcId: vpc.vpcId,
      subnetIds: vpc.privateSubnetIds,
      albSecurityGroupId: alb.securityGroupId,
      loadBalancerArnSuffix: alb.arnSuffix,
      services: resources.map((service) => ecsServiceProps(service, modules)),
      logRetentionDays: env.logRetentionDays,
      logsKmsKeyArn: encryption.logsKmsKeyArn,
      dynamodbEndpoint: { id: vpc.dynamodbEndpointId, prefixListId: vpc.dynamodbPrefixListId },
      capacity: env.compute,
      xray: env.observability.xray,
    });

    // The dashboard and the alarms on running services and data stores come after the services.
    const dashboard = new DashboardModule(this, "dashboard", {
      name,
      region: env.region,
      alarmTopicArn: observability.alarmTopicArn,
      loadBalancerArnSuffix: alb.arnSuffix,
      ...observedServices(env, resources, { alb, ecs }),
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
      resources,
      staticObjects,
      backup,
      sharedStorage,
    });
  }
}

/** The state bootstrap stack and one stack per environment. */
export function synthesize(
  root: string,
  outdir: string,
  onStepDone?: (step: SynthesisStep) => void,
): void {
  synthesizeProject(
    root,
    outdir,
    (app, { project, root: projectRoot, sourceFor }) => {
      new StateStack(app, {
        environments: project.environments,
        localStatePath: resolve(projectRoot, "terraform.state.tfstate"),
      });
      for (const env of project.environments) new EnvironmentStack(app, env, sourceFor(env));
    },
    onStepDone,
  );
}

if (require.main === module) {
  exitOnError(() => synthesize(process.cwd(), process.env.CDKTF_OUTDIR ?? "cdktf.out"));
}
