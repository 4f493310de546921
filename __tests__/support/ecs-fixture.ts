import { EcsModule, type EcsModuleProps, type EcsServiceDefinition } from "../../modules/ecs";
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

/** An ECS module for users and products, with the given props changed. */
export function synthEcsModule(overrides: Partial<EcsModuleProps> = {}): Synthesized {
  return synthScope((scope) => {
    new EcsModule(scope, "ecs", {
      name: "shop-prod",
      region: "us-east-1",
      vpcId: "vpc-1",
      subnetIds: ["subnet-a", "subnet-b"],
      albSecurityGroupId: "sg-alb",
      services: [USERS, PRODUCTS],
      targetGroupArns: { users: "arn:tg/users", products: "arn:tg/products" },
      routingDependencies: {},
      repositoryUrls: { users: "repo/users", products: "repo/products" },
      repositoryArns: {
        users: "arn:aws:ecr:us-east-1:1:repository/users",
        products: "arn:aws:ecr:us-east-1:1:repository/products",
      },
      imageTags: { users: "aaaa1111", products: "bbbb2222" },
      ...overrides,
    });
  });
}

/** The container definitions of a task definition, parsed. */
export const containersOf = (taskDefinition: TerraformBlock) =>
  JSON.parse(taskDefinition.container_definitions as string) as Record<string, any>[];
