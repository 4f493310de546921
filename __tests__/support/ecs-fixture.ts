import type { CapacitySplit } from "../../modules/ecs/capacity-strategy";
import {
  EcsModule,
  type EcsModuleProps,
  type EcsServiceDefinition,
  type EcsServiceProps,
} from "../../modules/ecs";
import { synthScope, type Synthesized, type TerraformBlock } from "./synth";

/** Two services as the ECS module sees them, for module tests. */
export const USERS: EcsServiceDefinition = {
  name: "users",
  port: 8000,
  cpu: 256,
  memory: 512,
  cpuArchitecture: "X86_64",
  desiredCount: 2,
  healthCheck: { path: "/health", gracePeriodSeconds: 60 },
  environment: { LOG_LEVEL: "info" },
  secrets: {},
  calls: [],
};

export const PRODUCTS: EcsServiceDefinition = {
  ...USERS,
  name: "products",
  port: 8001,
  cpu: 512,
  memory: 1024,
  calls: ["users"],
};

/** Every task on demand. */
export const ON_DEMAND_ONLY: CapacitySplit = { onDemandBase: 0, onDemandWeight: 1, spotWeight: 0 };

/**
 * A service with everything the ECS module requires: an image in its own repository (tag
 * "<name>-tag", pushed by the step "terraform_data.build-<name>"), a target group reached through
 * no listener yet, and no deployment alarm; `parts` adds or replaces any of them.
 */
export function ecsService(
  definition: EcsServiceDefinition,
  parts: Partial<Omit<EcsServiceProps, "definition">> = {},
): EcsServiceProps {
  const { name } = definition;
  return {
    definition,
    image: {
      repositoryUrl: `repo/${name}`,
      repositoryArn: `arn:aws:ecr:us-east-1:1:repository/${name}`,
      tag: `${name}-tag`,
      buildStep: { fqn: `terraform_data.build-${name}` },
    },
    targetGroup: { arn: `arn:tg/${name}`, arnSuffix: `targetgroup/${name}/1`, dependencies: [] },
    deploymentAlarmNames: [],
    ...parts,
  };
}

/** The module's props for users and products, on demand, without X-Ray. */
export const ECS_PROPS: EcsModuleProps = {
  name: "shop-prod",
  region: "us-east-1",
  vpcId: "vpc-1",
  subnetIds: ["subnet-a", "subnet-b"],
  albSecurityGroupId: "sg-alb",
  loadBalancerArnSuffix: "app/shop-prod/abc",
  services: [ecsService(USERS), ecsService(PRODUCTS)],
  logRetentionDays: 30,
  capacity: ON_DEMAND_ONLY,
  xray: false,
};

/** An ECS module for users and products, with the given props changed. */
export function synthEcsModule(overrides: Partial<EcsModuleProps> = {}): Synthesized {
  return synthScope((scope) => {
    new EcsModule(scope, "ecs", { ...ECS_PROPS, ...overrides });
  });
}

/** The container definitions of a task definition, parsed. */
export const containersOf = (taskDefinition: TerraformBlock) =>
  JSON.parse(taskDefinition.container_definitions as string) as Record<string, any>[];
