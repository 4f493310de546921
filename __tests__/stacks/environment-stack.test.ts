import { synthEnvironment, TEST_SOURCE } from "../support/stacks";
import type { Synthesized } from "../support/synth";

const IMAGE_TAGS = TEST_SOURCE.imageTags;

const count = (synth: Synthesized, type: string) => Object.keys(synth.resources(type)).length;

describe.each(["dev", "prod"])("the %s environment stack", (name) => {
  const synth = synthEnvironment(name);

  it("builds a 10.0.0.0/16 VPC with two public and two private subnets over two AZs and a DynamoDB endpoint", () => {
    expect(synth.resource("aws_vpc").cidr_block).toBe("10.0.0.0/16");
    const subnets = Object.values(synth.resources("aws_subnet"));
    expect(subnets).toHaveLength(4);
    expect(new Set(subnets.map((s) => s.availability_zone))).toEqual(
      new Set(["us-east-1a", "us-east-1b"]),
    );
    const endpoints = Object.values(synth.resources("aws_vpc_endpoint")).map((e) => e.service_name);
    expect(endpoints).toContain("com.amazonaws.us-east-1.dynamodb");
  });

  it("routes users (8000) and products (8001) through IP target groups of an internet-facing ALB", () => {
    const targetGroups = Object.values(synth.resources("aws_lb_target_group")).map((tg) => [
      tg.name,
      tg.port,
      tg.target_type,
    ]);
    expect(targetGroups.sort()).toEqual([
      [`shop-${name}-products`, 8001, "ip"],
      [`shop-${name}-users`, 8000, "ip"],
    ]);
    expect(synth.resource("aws_lb").internal).toBe(false);
  });

  it("keeps two ECR repositories with lifecycle policies and runs both services on Fargate with Service Connect", () => {
    expect(count(synth, "aws_ecr_repository")).toBe(2);
    expect(count(synth, "aws_ecr_lifecycle_policy")).toBe(2);
    expect(count(synth, "aws_ecs_cluster")).toBe(1);
    const services = Object.values(synth.resources("aws_ecs_service"));
    expect(services.map((s) => s.name).sort()).toEqual(["products", "users"]);
    for (const service of services) {
      expect(service.launch_type).toBeUndefined();
      expect(service.capacity_provider_strategy).toEqual(
        expect.arrayContaining([expect.objectContaining({ capacity_provider: "FARGATE" })]),
      );
      expect(service.service_connect_configuration).toMatchObject({ enabled: true });
      expect(service.depends_on!.length).toBeGreaterThan(0);
    }
  });

  it("builds and pushes each service's image before its task definition and ECS service", () => {
    for (const service of ["users", "products"]) {
      const step = Object.keys(synth.resources("terraform_data")).find((id) =>
        id.includes(`build-and-push-${service}_`),
      );
      expect(step).toBeDefined();
      expect(
        synth.resourceAt("terraform_data", `build-and-push-${service}`).triggers_replace,
      ).toMatchObject({
        image: expect.stringMatching(new RegExp(`repository_url\\}:${IMAGE_TAGS[service]}$`)),
      });
      expect(synth.resourceAt("aws_ecs_service", `service-${service}`).depends_on).toContain(
        `terraform_data.${step}`,
      );
      expect(
        synth.resourceAt("aws_ecs_task_definition", `task-definition-${service}`).depends_on,
      ).toEqual([`terraform_data.${step}`]);
    }
  });

  it("uses the content-hash image tag of each service", () => {
    const images = Object.values(synth.resources("aws_ecs_task_definition")).map(
      (td) => (JSON.parse(td.container_definitions as string) as { image: string }[])[0].image,
    );
    expect(images.sort()).toEqual([
      expect.stringMatching(/repository_url\}:fedcba9876543210$/),
      expect.stringMatching(/repository_url\}:0123456789abcdef$/),
    ]);
  });

  it("keeps its state in S3, encrypted, under a key of its own", () => {
    const backend = (synth.json.terraform as { backend: { s3: Record<string, unknown> } }).backend
      .s3;
    expect(backend).toMatchObject({
      bucket: "shop-terraform-state",
      key: `shop/${name}/terraform.tfstate`,
      region: "us-east-1",
      encrypt: true,
    });
  });

  it("carries no credentials, endpoints or offline skip flags", () => {
    const settings = JSON.stringify({
      provider: synth.json.provider,
      terraform: synth.json.terraform,
    });
    expect(settings).not.toMatch(/access_key|secret_key|skip_|endpoints|"token"/);
    expect(synth.text).not.toMatch(
      /access_key|secret_key|skip_credentials|skip_requesting|skip_metadata|"token"/,
    );
  });

  it("tags every resource with project and environment through the provider", () => {
    expect(synth.json.provider!.aws[0]).toMatchObject({
      region: "us-east-1",
      default_tags: [{ tags: { Project: "shop", Environment: name, ManagedBy: "cdktf" } }],
    });
  });
});

describe("differences between environments", () => {
  const dev = synthEnvironment("dev");
  const prod = synthEnvironment("prod");

  it("gives prod a NAT gateway per AZ and dev a single one", () => {
    expect(count(prod, "aws_nat_gateway")).toBe(2);
    expect(count(dev, "aws_nat_gateway")).toBe(1);
  });

  it("locks prod's state with DynamoDB and dev's with an S3 lock file", () => {
    const backendOf = (s: Synthesized) =>
      (s.json.terraform as { backend: { s3: Record<string, unknown> } }).backend.s3;
    expect(backendOf(prod)).toMatchObject({ dynamodb_table: "shop-terraform-locks" });
    expect(backendOf(prod).use_lockfile).toBeUndefined();
    expect(backendOf(dev)).toMatchObject({ use_lockfile: true });
    expect(backendOf(dev).dynamodb_table).toBeUndefined();
  });

  it("protects prod's load balancer from deletion and lets dev's repositories be force-deleted", () => {
    expect(prod.resource("aws_lb").enable_deletion_protection).toBe(true);
    expect(dev.resource("aws_lb").enable_deletion_protection).toBe(false);
    expect(
      Object.values(prod.resources("aws_ecr_repository")).every((r) => r.force_delete === false),
    ).toBe(true);
    expect(
      Object.values(dev.resources("aws_ecr_repository")).every((r) => r.force_delete === true),
    ).toBe(true);
  });

  it("routes prod by path only (HTTPS, with HTTP's redirect) and dev by both listener ports and paths", () => {
    expect(
      Object.values(prod.resources("aws_lb_listener"))
        .map((l) => l.port)
        .sort(),
    ).toEqual([443, 80]);
    expect(
      Object.values(dev.resources("aws_lb_listener"))
        .map((l) => l.port)
        .sort(),
    ).toEqual([80, 8080, 8081]);
  });
});
