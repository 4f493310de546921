import { EcsCluster } from "@cdktf/provider-aws/lib/ecs-cluster";
import { EcsTaskDefinition } from "@cdktf/provider-aws/lib/ecs-task-definition";
import { LbListener } from "@cdktf/provider-aws/lib/lb-listener";
import { LbListenerRule } from "@cdktf/provider-aws/lib/lb-listener-rule";
import { EcsModule, type EcsModuleProps, type EcsServiceDefinition } from "../../modules/ecs";
import { ECS_PROPS, ecsService, USERS } from "../support/ecs-fixture";
import {
  logicalId,
  ref,
  synthScope,
  type Synthesized,
  type TerraformBlock,
} from "../support/synth";

const PRODUCTS: EcsServiceDefinition = {
  ...USERS,
  name: "products",
  port: 8001,
  cpu: 512,
  memory: 1024,
  cpuArchitecture: "ARM64",
  healthCheck: { path: "/ready", gracePeriodSeconds: 90 },
  calls: ["users"],
};

function synthEcs(overrides: Partial<EcsModuleProps> = {}): Synthesized {
  return synthScope((scope) => {
    const listener = new LbListener(scope, "listener", {
      loadBalancerArn: "arn:lb",
      port: 8080,
      defaultAction: [{ type: "forward" }],
    });
    const rule = new LbListenerRule(scope, "rule", {
      listenerArn: "arn:l",
      action: [{ type: "forward" }],
      condition: [{}],
    });
    const routedThrough = (dependencies: (LbListener | LbListenerRule)[]) => ({
      arn: "",
      arnSuffix: "",
      dependencies,
    });
    new EcsModule(scope, "ecs", {
      ...ECS_PROPS,
      subnetIds: ["subnet-private-a", "subnet-private-b"],
      services: [
        ecsService(USERS, {
          targetGroup: { ...routedThrough([listener, rule]), arn: "arn:tg/users" },
        }),
        ecsService(PRODUCTS, {
          targetGroup: { ...routedThrough([rule]), arn: "arn:tg/products" },
        }),
      ],
      logRetentionDays: 90,
      ...overrides,
    });
  });
}

const containerOf = (taskDefinition: TerraformBlock) => {
  const containers = JSON.parse(taskDefinition.container_definitions as string) as Record<
    string,
    unknown
  >[];
  expect(containers).toHaveLength(1);
  return containers[0];
};

describe("EcsModule", () => {
  it("creates a Fargate cluster with Container Insights and a Service Connect namespace", () => {
    const synth = synthEcs();
    const namespace = ref(
      "aws_service_discovery_http_namespace",
      logicalId(synth, "aws_service_discovery_http_namespace", "namespace"),
      "arn",
    );
    expect(synth.text).toHaveResourceWithProperties(EcsCluster, {
      name: "shop-prod",
      setting: [{ name: "containerInsights", value: "enabled" }],
      service_connect_defaults: { namespace },
    });
  });

  it("defines each task for Fargate from the manifest: awsvpc, size, CPU architecture, scoped roles", () => {
    const synth = synthEcs();
    expect(synth.text).toHaveResourceWithProperties(EcsTaskDefinition, {
      family: "shop-prod-products",
      requires_compatibilities: ["FARGATE"],
      network_mode: "awsvpc",
      cpu: "512",
      memory: "1024",
      runtime_platform: { operating_system_family: "LINUX", cpu_architecture: "ARM64" },
      execution_role_arn: ref(
        "aws_iam_role",
        logicalId(synth, "aws_iam_role", "roles-products_execution-role"),
        "arn",
      ),
      task_role_arn: ref(
        "aws_iam_role",
        logicalId(synth, "aws_iam_role", "roles-products_task-role"),
        "arn",
      ),
      volume: [{ name: "tmp" }],
    });
  });

  it("runs one essential, non-root container with a read-only root filesystem, its image and logs", () => {
    const synth = synthEcs();
    const logGroup = ref(
      "aws_cloudwatch_log_group",
      logicalId(synth, "aws_cloudwatch_log_group", "log-group-users"),
      "name",
    );
    const repository = "repo/users";
    expect(
      containerOf(synth.resourceAt("aws_ecs_task_definition", "task-definition-users")),
    ).toEqual({
      name: "users",
      image: `${repository}:users-tag`,
      essential: true,
      user: "1000:1000",
      readonlyRootFilesystem: true,
      portMappings: [{ name: "http", containerPort: 8000, protocol: "tcp", appProtocol: "http" }],
      environment: [
        { name: "LOG_LEVEL", value: "info" },
        { name: "PORT", value: "8000" },
      ],
      mountPoints: [{ sourceVolume: "tmp", containerPath: "/tmp", readOnly: false }],
      healthCheck: {
        command: [
          "CMD",
          "node",
          "-e",
          "fetch('http://127.0.0.1:8000/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))",
        ],
        interval: 15,
        timeout: 5,
        retries: 3,
        startPeriod: 30,
      },
      logConfiguration: {
        logDriver: "awslogs",
        options: {
          "awslogs-group": logGroup,
          "awslogs-region": "us-east-1",
          "awslogs-stream-prefix": "users",
          mode: "non-blocking",
          "max-buffer-size": "25m",
        },
      },
      stopTimeout: 30,
    });
  });

  it("tells a service where the services it calls are, by Service Connect name", () => {
    const container = containerOf(
      synthEcs().resourceAt("aws_ecs_task_definition", "task-definition-products"),
    );
    expect(container.environment).toContainEqual({ name: "USERS_URL", value: "http://users:8000" });
  });

  it("gives a service its path prefix, and its callers the callee's API with that prefix", () => {
    const synth = synthEcs({
      services: [
        ecsService({ ...USERS, routing: { pathPrefix: "/api/users" } }),
        ecsService(PRODUCTS),
      ],
    });
    const variables = (service: string) =>
      containerOf(synth.resourceAt("aws_ecs_task_definition", `task-definition-${service}`))
        .environment as { name: string; value: string }[];
    expect(variables("users")).toContainEqual({ name: "PATH_PREFIX", value: "/api/users" });
    expect(variables("products")).toContainEqual({
      name: "USERS_URL",
      value: "http://users:8000/api/users",
    });
    expect(variables("products").map((variable) => variable.name)).not.toContain("PATH_PREFIX");
  });

  it("keeps each service's logs in its own log group with the configured retention", () => {
    const groups = Object.values(synthEcs().resources("aws_cloudwatch_log_group")).map((g) => [
      g.name,
      g.retention_in_days,
    ]);
    expect(groups.sort()).toEqual([
      ["/ecs/shop-prod/products", 90],
      ["/ecs/shop-prod/users", 90],
    ]);
  });

  it("runs each service in the private subnets without public IP, behind its target group", () => {
    const synth = synthEcs();
    const users = synth.resourceAt("aws_ecs_service", "service-users");
    expect(users).toMatchObject({
      name: "users",
      cluster: ref("aws_ecs_cluster", logicalId(synth, "aws_ecs_cluster", "cluster"), "arn"),
      task_definition: ref(
        "aws_ecs_task_definition",
        logicalId(synth, "aws_ecs_task_definition", "task-definition-users"),
        "arn",
      ),
      desired_count: 2,
      capacity_provider_strategy: [{ capacity_provider: "FARGATE", base: 0, weight: 1 }],
      network_configuration: {
        subnets: ["subnet-private-a", "subnet-private-b"],
        security_groups: [
          ref(
            "aws_security_group",
            logicalId(synth, "aws_security_group", "security-group-users"),
            "id",
          ),
        ],
        assign_public_ip: false,
      },
      load_balancer: [
        { target_group_arn: "arn:tg/users", container_name: "users", container_port: 8000 },
      ],
      health_check_grace_period_seconds: 60,
      deployment_circuit_breaker: { enable: true, rollback: true },
    });
  });

  it("registers each service in Service Connect under its own name and port", () => {
    const synth = synthEcs();
    const namespace = ref(
      "aws_service_discovery_http_namespace",
      logicalId(synth, "aws_service_discovery_http_namespace", "namespace"),
      "arn",
    );
    expect(
      synth.resourceAt("aws_ecs_service", "service-products").service_connect_configuration,
    ).toMatchObject({
      enabled: true,
      namespace,
      service: [
        {
          port_name: "http",
          discovery_name: "products",
          client_alias: { port: 8001, dns_name: "products" },
        },
      ],
    });
  });

  it("creates each ECS service only after its cluster's capacity providers, the listeners and rules that route to its target group, and its image", () => {
    const synth = synthEcs();
    const listener = `aws_lb_listener.${logicalId(synth, "aws_lb_listener", "listener")}`;
    const rule = `aws_lb_listener_rule.${logicalId(synth, "aws_lb_listener_rule", "rule")}`;
    const providers = `aws_ecs_cluster_capacity_providers.${logicalId(synth, "aws_ecs_cluster_capacity_providers", "capacity-providers")}`;
    expect(synth.resourceAt("aws_ecs_service", "service-users").depends_on).toEqual([
      providers,
      listener,
      rule,
      "terraform_data.build-users",
    ]);
    expect(synth.resourceAt("aws_ecs_service", "service-products").depends_on).toEqual([
      providers,
      rule,
      "terraform_data.build-products",
    ]);
    expect(synth.resourceAt("aws_ecs_task_definition", "task-definition-users").depends_on).toEqual(
      ["terraform_data.build-users"],
    );
  });

  it("admits only the load balancer and callers, on the service's port, and nothing from a CIDR", () => {
    const synth = synthEcs();
    const sg = (svc: string) =>
      ref(
        "aws_security_group",
        logicalId(synth, "aws_security_group", `security-group-${svc}`),
        "id",
      );
    const ingress = Object.values(synth.resources("aws_vpc_security_group_ingress_rule"));
    expect(ingress.every((r) => r.cidr_ipv4 === undefined && r.cidr_ipv6 === undefined)).toBe(true);
    const rules = ingress.map((r) => [
      r.security_group_id,
      r.from_port,
      r.to_port,
      r.referenced_security_group_id,
    ]);
    expect(rules).toHaveLength(3);
    expect(rules).toEqual(
      expect.arrayContaining([
        [sg("users"), 8000, 8000, "sg-alb"],
        [sg("products"), 8001, 8001, "sg-alb"],
        [sg("users"), 8000, 8000, sg("products")],
      ]),
    );
  });

  it("lets a service send only to the services it calls, and HTTPS out for AWS APIs", () => {
    const synth = synthEcs();
    const sg = (svc: string) =>
      ref(
        "aws_security_group",
        logicalId(synth, "aws_security_group", `security-group-${svc}`),
        "id",
      );
    const egress = Object.values(synth.resources("aws_vpc_security_group_egress_rule")).map((r) => [
      r.security_group_id,
      r.from_port,
      r.referenced_security_group_id ?? r.cidr_ipv4,
    ]);
    expect(egress).toHaveLength(3);
    expect(egress).toEqual(
      expect.arrayContaining([
        [sg("users"), 443, "0.0.0.0/0"],
        [sg("products"), 443, "0.0.0.0/0"],
        [sg("products"), 8000, sg("users")],
      ]),
    );
  });

  it("scopes each execution role to its own repository and log group", () => {
    const synth = synthEcs();
    const document = synth.json.data!.aws_iam_policy_document;
    const execution = Object.entries(document).find(([id]) =>
      id.includes("roles-users_execution-policy-document"),
    )![1];
    const logGroupArn = ref(
      "aws_cloudwatch_log_group",
      logicalId(synth, "aws_cloudwatch_log_group", "log-group-users"),
      "arn",
    );
    expect(execution.statement).toEqual([
      { sid: "EcrAuthorizationToken", actions: ["ecr:GetAuthorizationToken"], resources: ["*"] },
      {
        sid: "PullServiceImage",
        actions: [
          "ecr:BatchCheckLayerAvailability",
          "ecr:GetDownloadUrlForLayer",
          "ecr:BatchGetImage",
        ],
        resources: ["arn:aws:ecr:us-east-1:1:repository/users"],
      },
      {
        sid: "WriteServiceLogs",
        actions: ["logs:CreateLogStream", "logs:PutLogEvents"],
        resources: [`${logGroupArn}:log-stream:*`],
      },
    ]);
  });

  it("lets only ECS tasks assume the roles, for the configured account when it is known", () => {
    const trustOf = (synth: Synthesized) =>
      Object.entries(synth.json.data!.aws_iam_policy_document).find(([id]) =>
        id.includes("roles-users_ecs-tasks-trust"),
      )![1];
    expect(trustOf(synthEcs()).statement).toEqual([
      {
        sid: "EcsTasksAssumeRole",
        actions: ["sts:AssumeRole"],
        principals: [{ type: "Service", identifiers: ["ecs-tasks.amazonaws.com"] }],
      },
    ]);
    expect(trustOf(synthEcs({ accountId: "123456789012" })).statement).toEqual([
      expect.objectContaining({
        condition: [
          { test: "StringEquals", variable: "aws:SourceAccount", values: ["123456789012"] },
          {
            test: "ArnLike",
            variable: "aws:SourceArn",
            values: ["arn:aws:ecs:us-east-1:123456789012:*"],
          },
        ],
      }),
    ]);
  });

  it("names IAM roles within AWS's 64 characters", () => {
    const synth = synthEcs({
      name: "a-very-long-project-name-with-a-long-environment",
      services: [ecsService({ ...USERS, name: "notification-dispatcher-service" })],
    });
    for (const role of Object.values(synth.resources("aws_iam_role"))) {
      expect((role.name as string).length).toBeLessThanOrEqual(64);
    }
  });
});

describe("EcsModule with secret references", () => {
  const SECRET = "arn:aws:secretsmanager:us-east-1:123456789012:secret:shop/stripe-AbCdEf";
  const PARAMETER = "arn:aws:ssm:us-east-1:123456789012:parameter/shop/feature-flags";
  const synth = synthEcs({
    services: [
      ecsService({
        ...USERS,
        secrets: {
          STRIPE_API_KEY: `${SECRET}:apiKey::`,
          STRIPE_WEBHOOK_SECRET: `${SECRET}:webhook::`,
          FEATURE_FLAGS: PARAMETER,
        },
      }),
      ecsService(PRODUCTS),
    ],
  });
  const executionStatements = (service: string) =>
    Object.entries(synth.json.data!.aws_iam_policy_document).find(([id]) =>
      id.includes(`roles-${service}_execution-policy-document`),
    )![1].statement as { sid: string; actions: string[]; resources: string[] }[];

  it("injects each reference into the container as a secret, never as a plain variable", () => {
    const container = containerOf(
      synth.resourceAt("aws_ecs_task_definition", "task-definition-users"),
    );
    expect(container.secrets).toEqual([
      { name: "FEATURE_FLAGS", valueFrom: PARAMETER },
      { name: "STRIPE_API_KEY", valueFrom: `${SECRET}:apiKey::` },
      { name: "STRIPE_WEBHOOK_SECRET", valueFrom: `${SECRET}:webhook::` },
    ]);
    expect(JSON.stringify(container.environment)).not.toContain("STRIPE");
  });

  it("lets only that service's execution role read exactly those secrets and parameters", () => {
    expect(executionStatements("users").filter((s) => s.sid.startsWith("ReadService"))).toEqual([
      {
        sid: "ReadServiceSecrets",
        actions: ["secretsmanager:GetSecretValue"],
        resources: [SECRET],
      },
      { sid: "ReadServiceParameters", actions: ["ssm:GetParameters"], resources: [PARAMETER] },
    ]);
    expect(executionStatements("products").filter((s) => s.sid.startsWith("ReadService"))).toEqual(
      [],
    );
  });
});
