import { App, TerraformOutput, TerraformStack } from "cdktf";
import type { Construct } from "constructs";
import { join } from "node:path";
import { ConfigError, formatProblem } from "./config/problems";
import { loadProject } from "./config/load";
import type { EnvironmentConfig } from "./config/model";
import { synthesizeAtomically } from "./lib/atomic-synth";
import { dockerPlatform } from "./lib/docker-platform";
import { imageTag } from "./lib/image-tag";
import { AlbModule } from "./modules/alb";
import { EcrModule } from "./modules/ecr";
import { EcsModule } from "./modules/ecs";
import { VpcModule } from "./modules/vpc";
import { useAwsProvider } from "./stacks/aws-provider";
import { useRemoteState } from "./stacks/remote-state";

/** One environment: network, load balancer, registries and the Fargate services, on S3 state. */
export class EnvironmentStack extends TerraformStack {
  constructor(
    scope: Construct,
    env: EnvironmentConfig,
    imageTags: Readonly<Record<string, string>>,
  ) {
    super(scope, env.name);
    const name = `${env.project}-${env.name}`;
    const services = env.services;
    useAwsProvider(this, {
      region: env.region,
      accountId: env.accountId,
      tags: { Project: env.project, Environment: env.name, ManagedBy: "cdktf", ...env.tags },
    });
    useRemoteState(this, { ...env.state, accountId: env.accountId });

    const vpc = new VpcModule(this, "vpc", {
      name,
      region: env.region,
      cidr: env.vpc.cidr,
      azs: env.azs,
      publicSubnets: env.vpc.publicSubnets,
      privateSubnets: env.vpc.privateSubnets,
      natStrategy: env.vpc.natStrategy,
    });

    const alb = new AlbModule(this, "alb", {
      name,
      vpcId: vpc.vpcId,
      vpcCidr: vpc.vpcCidr,
      subnetIds: vpc.publicSubnetIds,
      services: services.map((s) => ({
        ...s.routing,
        name: s.name,
        port: s.port,
        healthCheck: s.healthCheck,
      })),
      routingStyle: env.routing.style,
      sharedListenerPort: env.routing.sharedListenerPort,
      deletionProtection: env.deletionProtection,
    });

    const ecr = new EcrModule(this, "ecr", {
      namespace: name,
      repositories: services.map((s) => s.name),
      keepImages: env.ecr.keepImages,
      forceDelete: !env.production,
    });

    const ecs = new EcsModule(this, "ecs", {
      name,
      region: env.region,
      accountId: env.accountId,
      vpcId: vpc.vpcId,
      subnetIds: vpc.privateSubnetIds,
      albSecurityGroupId: alb.securityGroupId,
      services,
      targetGroupArns: alb.targetGroupArns,
      routingDependencies: alb.routingDependencies,
      repositoryUrls: ecr.repositoryUrls,
      repositoryArns: ecr.repositoryArns,
      imageTags,
      logRetentionDays: env.logRetentionDays,
    });

    new TerraformOutput(this, "load_balancer_dns_name", { value: alb.dnsName });
    new TerraformOutput(this, "service_urls", { value: alb.serviceUrls });
    new TerraformOutput(this, "repository_urls", { value: ecr.repositoryUrls });
    new TerraformOutput(this, "cluster_name", { value: ecs.clusterName });
  }
}

/** Validates every configuration file, then synthesizes every environment into outdir, atomically. */
export function synthesize(root: string, outdir: string): void {
  const project = loadProject(root);
  const imageTags = Object.fromEntries(
    project.services.map((s) => [
      s.name,
      imageTag(join(root, s.directory), { platform: dockerPlatform(s.cpuArchitecture) }),
    ]),
  );
  synthesizeAtomically(outdir, (stagingDir) => {
    const app = new App({ outdir: stagingDir, stackTraces: false });
    for (const env of project.environments) new EnvironmentStack(app, env, imageTags);
    app.synth();
  });
}

if (require.main === module) {
  try {
    synthesize(process.cwd(), process.env.CDKTF_OUTDIR ?? "cdktf.out");
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(
      `Synthesis stopped: ${error.problems.length} configuration problem(s), nothing written.`,
    );
    for (const problem of error.problems) console.error(formatProblem(problem));
    process.exit(1);
  }
}
