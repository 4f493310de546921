import { loadProject } from "../../config/load";
import { configProject } from "../support/config-project";
import { PROJECT, synthEnvironment, synthEnvironmentStack } from "../support/stacks";
import { ref, type Synthesized, type TerraformBlock } from "../support/synth";

const environments = PROJECT.environments;
const idOf = (synth: Synthesized, type: string) => {
  const ids = Object.keys(synth.resources(type));
  expect(ids).toHaveLength(1);
  return ids[0];
};
const ascending = (ports: unknown[]) => (ports as number[]).sort((a, b) => a - b);
/** The ports network ACL entries cover, each entry a range. */
const portsOf = (entries: TerraformBlock[]) =>
  ascending(
    entries.flatMap((e) =>
      Array.from(
        { length: (e.to_port as number) - (e.from_port as number) + 1 },
        (_, i) => (e.from_port as number) + i,
      ),
    ),
  );
/** The internet's replies: the ephemeral range 1024-65535, split around RDP (3389). */
const EPHEMERAL = (e: TerraformBlock) =>
  (e.from_port === 1024 && e.to_port === 3388) || (e.from_port === 3390 && e.to_port === 65535);

describe.each(environments.map((env) => [env.name, env] as const))(
  "the %s stack's edge",
  (name, env) => {
    const synth = synthEnvironment(name);

    it("puts the web ACL, with the environment's rate limit, in front of the load balancer", () => {
      expect(synth.resource("aws_wafv2_web_acl_association")).toMatchObject({
        resource_arn: ref("aws_lb", idOf(synth, "aws_lb"), "arn"),
        web_acl_arn: ref("aws_wafv2_web_acl", idOf(synth, "aws_wafv2_web_acl"), "arn"),
      });
      const [rateRule] = synth.resource("aws_wafv2_web_acl").rule as TerraformBlock[];
      expect(rateRule).toMatchObject({
        statement: { rate_based_statement: { limit: env.security.waf.rateLimit } },
      });
      expect(synth.resource("aws_wafv2_web_acl_logging_configuration")).toBeDefined();
    });

    it("admits the internet on the same ports in the load balancer's security group and the public network ACL: its listeners'", () => {
      const listeners = ascending(
        Object.values(synth.resources("aws_lb_listener")).map((l) => l.port),
      );
      const securityGroup = ascending(
        Object.values(synth.resources("aws_vpc_security_group_ingress_rule"))
          .filter((r) => r.cidr_ipv4 === "0.0.0.0/0")
          .map((r) => r.from_port),
      );
      const publicAcl = Object.values(synth.resources("aws_network_acl")).find(
        (acl) => (acl.tags as Record<string, string>).Tier === "public",
      )!;
      const fromInternet = (publicAcl.ingress as TerraformBlock[]).filter(
        (r) => r.cidr_block === "0.0.0.0/0" && r.protocol === "tcp" && !EPHEMERAL(r),
      );
      expect(securityGroup).toEqual(listeners);
      expect(portsOf(fromInternet)).toEqual(listeners);
    });

    it("admits no rule from the internet that reaches SSH or RDP, in either tier", () => {
      for (const acl of Object.values(synth.resources("aws_network_acl"))) {
        const open = (acl.ingress as TerraformBlock[]).filter(
          (r) => r.action === "allow" && r.cidr_block === "0.0.0.0/0" && r.protocol === "tcp",
        );
        expect(portsOf(open)).not.toContain(22);
        expect(portsOf(open)).not.toContain(3389);
      }
    });

    it("admits the targets' ports into the private subnets, and the database's from the private subnets only", () => {
      const privateAcl = Object.values(synth.resources("aws_network_acl")).find(
        (acl) => (acl.tags as Record<string, string>).Tier === "private",
      )!;
      const ingress = privateAcl.ingress as TerraformBlock[];
      const targetPorts = Object.values(synth.resources("aws_lb_target_group")).map(
        (tg) => tg.port,
      );
      const fromVpc = ingress.filter((r) => r.action === "allow" && r.cidr_block === "10.0.0.0/16");
      expect(portsOf(fromVpc)).toEqual(ascending(targetPorts));
      const databasePort = synth.resource("aws_db_instance").port;
      const toDatabase = ingress.filter((r) => r.from_port === databasePort);
      expect(toDatabase.map((r) => [r.action, r.cidr_block])).toEqual([
        ...Object.values(synth.resources("aws_subnet"))
          .filter((s) => (s.tags as Record<string, string>).Tier === "private")
          .map((s) => ["allow", s.cidr_block]),
        ["deny", "0.0.0.0/0"],
      ]);
    });

    it("logs the VPC's traffic for the environment's log retention", () => {
      expect(synth.resource("aws_flow_log")).toMatchObject({ traffic_type: "ALL" });
      const groups = Object.values(synth.resources("aws_cloudwatch_log_group"));
      expect(groups).toContainEqual(
        expect.objectContaining({
          name: `/aws/vpc/flow-logs/shop-${name}`,
          retention_in_days: env.logRetentionDays,
        }),
      );
      expect(groups).toContainEqual(
        expect.objectContaining({
          name: `aws-waf-logs-shop-${name}`,
          retention_in_days: env.logRetentionDays,
        }),
      );
    });

    it("writes the load balancer's access logs to its bucket, through us-east-1's ELB account, for the configured days", () => {
      expect(synth.resource("aws_lb").access_logs).toMatchObject({ enabled: true });
      expect(synth.json.data?.aws_elb_service_account).toBeDefined();
      const lifecycle = synth.resourceAt("aws_s3_bucket_lifecycle_configuration", "access-logs");
      expect((lifecycle.rule as TerraformBlock[])[0]).toMatchObject({
        expiration: [{ days: env.security.accessLogs.expirationDays }],
      });
    });
  },
);

describe("HTTPS", () => {
  const prod = synthEnvironment("prod");
  const dev = synthEnvironment("dev");

  it("is on in prod: TLS 1.3/1.2 on 443 with the environment's certificate, HTTP redirected", () => {
    const certificate = PROJECT.environments.find((e) => e.name === "prod")!.routing.certificateArn;
    const listeners = Object.values(prod.resources("aws_lb_listener"));
    expect(listeners.find((l) => l.port === 443)).toMatchObject({
      protocol: "HTTPS",
      ssl_policy: "ELBSecurityPolicy-TLS13-1-2-2021-06",
      certificate_arn: certificate,
    });
    expect(listeners.find((l) => l.port === 80)).toMatchObject({
      default_action: [
        { type: "redirect", redirect: { protocol: "HTTPS", status_code: "HTTP_301" } },
      ],
    });
  });

  it("gives prod https:// service URLs and dev http:// ones", () => {
    const urls = (synth: Synthesized) =>
      synth.json.output!.service_urls.value as Record<string, string>;
    const lb = (synth: Synthesized) => ref("aws_lb", idOf(synth, "aws_lb"), "dns_name");
    expect(urls(prod)).toEqual({
      users: `https://${lb(prod)}/users`,
      products: `https://${lb(prod)}/products`,
    });
    expect(urls(dev)).toEqual({
      users: `http://${lb(dev)}/users`,
      products: `http://${lb(dev)}/products`,
    });
  });

  it("is off in dev, which has no certificate: every listener is plain HTTP", () => {
    for (const listener of Object.values(dev.resources("aws_lb_listener"))) {
      expect(listener.protocol).toBe("HTTP");
      expect(listener.certificate_arn).toBeUndefined();
    }
  });
});

describe("an environment without NAT gateways", () => {
  const root = configProject({
    edit: {
      "environments/dev.json": (env) => {
        env.vpc.natStrategy = "none";
        env.vpc.interfaceEndpoints = ["ecr.api", "ecr.dkr", "logs"];
      },
    },
  });
  const synth = synthEnvironmentStack(
    loadProject(root).environments.find((e) => e.name === "dev")!,
  );

  it("reaches AWS through interface endpoints in the private subnets", () => {
    const interfaces = Object.values(synth.resources("aws_vpc_endpoint")).filter(
      (e) => e.vpc_endpoint_type === "Interface",
    );
    expect(interfaces.map((e) => e.service_name).sort()).toEqual([
      "com.amazonaws.us-east-1.ecr.api",
      "com.amazonaws.us-east-1.ecr.dkr",
      "com.amazonaws.us-east-1.logs",
    ]);
    for (const endpoint of interfaces) expect(endpoint.private_dns_enabled).toBe(true);
  });

  it("admits no reply from the internet into the public subnets", () => {
    const publicAcl = Object.values(synth.resources("aws_network_acl")).find(
      (acl) => (acl.tags as Record<string, string>).Tier === "public",
    )!;
    const fromInternet = (publicAcl.ingress as TerraformBlock[]).filter(
      (r) => r.cidr_block === "0.0.0.0/0" && r.protocol === "tcp",
    );
    expect(portsOf(fromInternet)).toEqual([80, 8080, 8081]);
  });
});
