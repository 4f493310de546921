import { join } from "node:path";
import { loadProject } from "../../config/load";
import { synthEnvironmentStack } from "../support/stacks";
import type { Synthesized, TerraformBlock } from "../support/synth";

/**
 * A project that writes only what the schemas require (a trial and a production environment, one
 * service with a database): every other setting is the configuration's default, filled in by
 * config/resolve.ts alone, and must reach the synthesized resources unchanged.
 */
const FIXTURE = join(__dirname, "..", "fixtures", "written-minimum");
const project = loadProject(FIXTURE);
const synth = (name: string): Synthesized =>
  synthEnvironmentStack(
    project.environments.find((e) => e.name === name)!,
    {
      imageTags: { catalog: "0123456789abcdef" },
      projectDir: "../../..",
    },
  );
const trial = synth("trial");
const live = synth("live");

const all = (stack: Synthesized, type: string) => Object.values(stack.resources(type));
const sorted = (values: unknown[]) => [...values].sort();

describe("a configuration that writes only what is required", () => {
  it("derives the subnets from the VPC CIDR: public in the lower half, private in the upper", () => {
    const cidrs = (tier: string) =>
      all(trial, "aws_subnet")
        .filter((s) => (s.tags as Record<string, string>).Tier === tier)
        .map((s) => s.cidr_block);
    expect(cidrs("public")).toEqual(["10.20.0.0/20", "10.20.16.0/20"]);
    expect(cidrs("private")).toEqual(["10.20.128.0/20", "10.20.144.0/20"]);
  });

  it("shares the path listener on 80 without a certificate, on 443 (and redirects 80) with one", () => {
    expect(sorted(all(trial, "aws_lb_listener").map((l) => l.port))).toEqual([80]);
    expect(sorted(all(live, "aws_lb_listener").map((l) => [l.port, l.protocol]))).toEqual([
      [443, "HTTPS"],
      [80, "HTTP"],
    ]);
  });

  it("gives the service the rule priority its name derives, the same in every environment", () => {
    const priorities = [trial, live].map(
      (stack) => stack.resource("aws_lb_listener_rule").priority,
    );
    expect(priorities[0]).toBe(priorities[1]);
    expect(priorities[0]).toBeGreaterThanOrEqual(1000);
    expect(priorities[0]).toBeLessThanOrEqual(49999);
  });

  it("health-checks every 15 s, 5 s timeout, 2 to be healthy and 3 not, 60 s of grace", () => {
    expect(trial.resource("aws_lb_target_group").health_check).toMatchObject({
      interval: 15,
      timeout: 5,
      healthy_threshold: 2,
      unhealthy_threshold: 3,
    });
    expect(trial.resource("aws_ecs_service").health_check_grace_period_seconds).toBe(60);
  });

  it("keeps logs 30 days, access logs 90, two images per repository, and limits a client to 2000 requests", () => {
    for (const stack of [trial, live]) {
      const retention = all(stack, "aws_cloudwatch_log_group").map((g) => g.retention_in_days);
      expect(new Set(retention)).toEqual(new Set([30]));
      const [logs] = stack.resourceAt("aws_s3_bucket_lifecycle_configuration", "access-logs")
        .rule as TerraformBlock[];
      expect(logs.expiration).toEqual([{ days: 90 }]);
      const policy = JSON.parse(stack.resource("aws_ecr_lifecycle_policy").policy as string);
      expect(policy.rules[1].selection.countNumber).toBe(2);
      const [rateRule] = stack.resource("aws_wafv2_web_acl").rule as TerraformBlock[];
      expect(rateRule).toMatchObject({ statement: { rate_based_statement: { limit: 2000 } } });
    }
  });

  it("protects production and lets a trial be destroyed", () => {
    expect(trial.resource("aws_lb").enable_deletion_protection).toBe(false);
    expect(live.resource("aws_lb").enable_deletion_protection).toBe(true);
    expect(trial.resource("aws_ecr_repository").force_delete).toBe(true);
    expect(live.resource("aws_ecr_repository").force_delete).toBe(false);
  });

  it("sizes the database by tier: a small single-AZ instance for a trial, Multi-AZ in production", () => {
    const database = (stack: Synthesized) =>
      stack.resourceAt("aws_db_instance", "postgres-catalog_instance");
    const shared = {
      engine_version: "16",
      allocated_storage: 20,
      max_allocated_storage: 100,
      performance_insights_enabled: true,
    };
    expect(database(trial)).toMatchObject({
      ...shared,
      instance_class: "db.t4g.micro",
      multi_az: false,
      backup_retention_period: 7,
      deletion_protection: false,
    });
    expect(database(live)).toMatchObject({
      ...shared,
      instance_class: "db.t4g.medium",
      multi_az: true,
      backup_retention_period: 14,
      deletion_protection: true,
    });
    expect(all(live, "aws_db_instance")).toHaveLength(1);
  });

  it("spreads tasks over Spot by tier, traces production only, on x86, and mails nobody", () => {
    expect(trial.resource("aws_ecs_service").capacity_provider_strategy).toEqual([
      { capacity_provider: "FARGATE", base: 1, weight: 1 },
      { capacity_provider: "FARGATE_SPOT", weight: 3 },
    ]);
    expect(live.resource("aws_ecs_service").capacity_provider_strategy).toEqual([
      { capacity_provider: "FARGATE", base: 2, weight: 3 },
      { capacity_provider: "FARGATE_SPOT", weight: 1 },
    ]);
    const containers = (stack: Synthesized) =>
      JSON.parse(stack.resource("aws_ecs_task_definition").container_definitions as string).map(
        (c: { name: string }) => c.name,
      );
    expect(containers(trial)).toEqual(["catalog"]);
    expect(containers(live)).toEqual(["catalog", "xray-daemon"]);
    expect(trial.resource("aws_ecs_task_definition").runtime_platform).toMatchObject({
      cpu_architecture: "X86_64",
    });
    expect(trial.resources("aws_sns_topic_subscription")).toEqual({});
  });
});
