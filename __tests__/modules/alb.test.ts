import { Lb } from "@cdktf/provider-aws/lib/lb";
import { LbTargetGroup } from "@cdktf/provider-aws/lib/lb-target-group";
import { TerraformOutput } from "cdktf";
import { AlbModule, planListeners, type AlbModuleProps, type AlbService } from "../../modules/alb";
import {
  ALB_PROPS,
  PRODUCTS as BASE_PRODUCTS,
  synthAlbModule,
  USERS,
} from "../support/alb-fixture";
import { logicalId, ref, synthScope, type Synthesized } from "../support/synth";

const PRODUCTS: AlbService = {
  ...BASE_PRODUCTS,
  healthCheck: {
    path: "/ready",
    intervalSeconds: 30,
    timeoutSeconds: 10,
    healthyThreshold: 3,
    unhealthyThreshold: 4,
  },
};

const synthAlb = (overrides: Partial<AlbModuleProps> = {}) =>
  synthAlbModule({ ...ALB_PROPS, services: [USERS, PRODUCTS], ...overrides });

const ingressPorts = (synth: Synthesized) =>
  Object.values(synth.resources("aws_vpc_security_group_ingress_rule"))
    .map((r) => [r.from_port, r.to_port, r.cidr_ipv4])
    .sort();

describe("planListeners", () => {
  it("plans a dedicated listener per service for listener routing", () => {
    expect(
      planListeners({
        services: [USERS, PRODUCTS],
        routingStyle: "listener",
        sharedListenerPort: 80,
      }),
    ).toEqual([
      { kind: "dedicated", port: 8080, protocol: "HTTP", service: "users" },
      { kind: "dedicated", port: 8081, protocol: "HTTP", service: "products" },
    ]);
  });

  it("plans one shared listener with a rule per prefix for path routing", () => {
    expect(
      planListeners({ services: [USERS, PRODUCTS], routingStyle: "path", sharedListenerPort: 80 }),
    ).toEqual([
      {
        kind: "shared",
        port: 80,
        protocol: "HTTP",
        rules: [
          { service: "users", pathPrefix: "/users", priority: 100 },
          { service: "products", pathPrefix: "/products", priority: 200 },
        ],
      },
    ]);
  });

  it("refuses a plan whose ports clash or whose services lack the routing field", () => {
    expect(() =>
      planListeners({ services: [USERS], routingStyle: "both", sharedListenerPort: 8080 }),
    ).toThrow("listener port 8080 is used twice");
    const bare = { name: "x", priority: 1 };
    const port = { sharedListenerPort: 80 };
    expect(() => planListeners({ services: [bare], routingStyle: "listener", ...port })).toThrow(
      'service "x" needs a listenerPort',
    );
    expect(() => planListeners({ services: [bare], routingStyle: "path", ...port })).toThrow(
      'service "x" needs a pathPrefix',
    );
  });
});

describe("AlbModule", () => {
  it("is internet-facing in the public subnets, drops invalid headers and honours deletion protection", () => {
    expect(synthAlb({ deletionProtection: true }).text).toHaveResourceWithProperties(Lb, {
      name: "shop-prod",
      load_balancer_type: "application",
      internal: false,
      subnets: ["subnet-a", "subnet-b"],
      drop_invalid_header_fields: true,
      enable_deletion_protection: true,
    });
    expect(
      synthAlb({ deletionProtection: false }).resource("aws_lb").enable_deletion_protection,
    ).toBe(false);
  });

  it.each([
    [
      "listener",
      [
        [8080, 8080, "0.0.0.0/0"],
        [8081, 8081, "0.0.0.0/0"],
      ],
    ],
    ["path", [[80, 80, "0.0.0.0/0"]]],
    [
      "both",
      [
        [80, 80, "0.0.0.0/0"],
        [8080, 8080, "0.0.0.0/0"],
        [8081, 8081, "0.0.0.0/0"],
      ],
    ],
  ] as const)(
    "admits the internet on exactly the listener ports of %s routing",
    (style, expected) => {
      const synth = synthAlb({ routingStyle: style });
      expect(ingressPorts(synth)).toEqual(expected);
      const listenerPorts = Object.values(synth.resources("aws_lb_listener"))
        .map((l) => l.port)
        .sort();
      expect(listenerPorts).toEqual(expected.map(([port]) => port));
    },
  );

  it("sends traffic only to the services' ports inside the VPC", () => {
    const egress = Object.values(synthAlb().resources("aws_vpc_security_group_egress_rule"))
      .map((r) => [r.from_port, r.to_port, r.cidr_ipv4, r.ip_protocol])
      .sort();
    expect(egress).toEqual([
      [8000, 8000, "10.0.0.0/16", "tcp"],
      [8001, 8001, "10.0.0.0/16", "tcp"],
    ]);
  });

  it("creates an IP target group per service on its container port with an explicit health check", () => {
    const synth = synthAlb();
    expect(synth.text).toHaveResourceWithProperties(LbTargetGroup, {
      name: "shop-prod-users",
      target_type: "ip",
      protocol: "HTTP",
      port: 8000,
      vpc_id: "vpc-123",
      deregistration_delay: "30",
      health_check: {
        enabled: true,
        path: "/health",
        port: "traffic-port",
        protocol: "HTTP",
        matcher: "200",
        interval: 15,
        timeout: 5,
        healthy_threshold: 2,
        unhealthy_threshold: 3,
      },
    });
    expect(synth.resourceAt("aws_lb_target_group", "target-group-products")).toMatchObject({
      name: "shop-prod-products",
      port: 8001,
      health_check: {
        path: "/ready",
        interval: 30,
        timeout: 10,
        healthy_threshold: 3,
        unhealthy_threshold: 4,
      },
    });
  });

  it("keeps target group and load balancer names within AWS's 32 characters", () => {
    const synth = synthAlb({
      name: "a-long-project-name-production",
      services: [{ ...USERS, name: "notification-dispatcher" }],
      routingStyle: "path",
    });
    const names = [
      synth.resource("aws_lb").name,
      synth.resource("aws_lb_target_group").name,
    ] as string[];
    for (const name of names) expect(name.length).toBeLessThanOrEqual(32);
    expect(names[1]).toMatch(/^a-long-project-name-produ[a-z-]*-[0-9a-f]{6}$/);
  });

  it("forwards each dedicated listener to its service's target group", () => {
    const synth = synthAlb({ routingStyle: "listener" });
    const usersTargetGroup = ref(
      "aws_lb_target_group",
      logicalId(synth, "aws_lb_target_group", "target-group-users"),
      "arn",
    );
    expect(synth.resourceAt("aws_lb_listener", "listener-8080")).toMatchObject({
      port: 8080,
      protocol: "HTTP",
      default_action: [{ type: "forward", target_group_arn: usersTargetGroup }],
    });
  });

  it("routes path prefixes on the shared listener and answers anything else with a JSON 404", () => {
    const synth = synthAlb({ routingStyle: "path", sharedListenerPort: 8000 });
    const listener = synth.resource("aws_lb_listener");
    expect(listener).toMatchObject({
      port: 8000,
      default_action: [
        {
          type: "fixed-response",
          fixed_response: {
            content_type: "application/json",
            status_code: "404",
            message_body: '{"message":"Not Found"}',
          },
        },
      ],
    });
    const listenerArn = ref(
      "aws_lb_listener",
      logicalId(synth, "aws_lb_listener", "listener-8000"),
      "arn",
    );
    expect(synth.resourceAt("aws_lb_listener_rule", "rule-products")).toMatchObject({
      listener_arn: listenerArn,
      priority: 200,
      condition: [{ path_pattern: { values: ["/products", "/products/*"] } }],
      action: [
        {
          type: "forward",
          target_group_arn: ref(
            "aws_lb_target_group",
            logicalId(synth, "aws_lb_target_group", "target-group-products"),
            "arn",
          ),
        },
      ],
    });
  });

  it("exposes each service's target group, the listeners and rules its traffic depends on, and its base URL", () => {
    let alb!: AlbModule;
    synthScope((scope) => {
      alb = new AlbModule(scope, "alb", { ...ALB_PROPS, services: [USERS, PRODUCTS] });
    });
    expect(alb.targetGroups.map((t) => t.service)).toEqual(["users", "products"]);
    expect(alb.targetGroup("users").dependencies).toHaveLength(2);
    expect(alb.targetGroup("products").dependencies).toHaveLength(2);
    expect(Object.keys(alb.listenerArns).sort()).toEqual(["80", "8080", "8081"]);
    expect(alb.targetGroup("users").url).toMatch(/^http:\/\/\$\{TfToken\[.*\]\}\/users$/);
  });

  it("refuses to name the target group of a service it was not given", () => {
    synthScope((scope) => {
      const alb = new AlbModule(scope, "alb", ALB_PROPS);
      expect(() => alb.targetGroup("orders")).toThrow(
        'no target group for service "orders"; pass it in the load balancer\'s services',
      );
    });
  });

  it("exposes the ARN suffixes that CloudWatch metrics and request-count scaling name", () => {
    const synth = synthScope((scope) => {
      const alb = new AlbModule(scope, "alb", {
        ...ALB_PROPS,
        services: [USERS, PRODUCTS],
        routingStyle: "path",
      });
      new TerraformOutput(scope, "suffixes", {
        value: {
          alb: alb.arnSuffix,
          ...Object.fromEntries(alb.targetGroups.map((t) => [t.service, t.arnSuffix])),
        },
      });
    });
    const targetGroup = (service: string) =>
      ref("aws_lb_target_group", logicalId(synth, "aws_lb_target_group", service), "arn_suffix");
    expect(synth.json.output!.suffixes.value).toEqual({
      alb: ref("aws_lb", logicalId(synth, "aws_lb", "load-balancer"), "arn_suffix"),
      users: targetGroup("users"),
      products: targetGroup("products"),
    });
  });
});
