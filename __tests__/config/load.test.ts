import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { loadProject } from "../../config/load";
import { COMPUTE_DEFAULTS } from "../../config/schema/constants";
import { configProject, problemsOf, type JsonEdit } from "../support/config-project";

const projectWith = (edit: Record<string, JsonEdit>) => configProject({ edit });

describe("loadProject", () => {
  it("loads the repository's environments with their services, defaults and overrides applied", () => {
    const { environments, services } = loadProject(".");
    expect(environments.map((e) => e.name)).toEqual(["dev", "prod"]);
    expect(services.map((s) => s.name)).toEqual(["products", "users"]);
    const dev = environments[0];
    expect(dev.vpc.natStrategy).toBe("single");
    expect(dev.deletionProtection).toBe(false);
    expect(dev.state).toEqual({
      bucket: "shop-terraform-state",
      key: "shop/dev/terraform.tfstate",
      region: "us-east-1",
      lock: "s3",
    });
    expect(dev.services.find((s) => s.name === "users")).toMatchObject({
      port: 8000,
      desiredCount: 1,
      healthCheck: {
        path: "/health",
        intervalSeconds: 15,
        timeoutSeconds: 5,
        healthyThreshold: 2,
        unhealthyThreshold: 3,
        gracePeriodSeconds: 60,
      },
      routing: { listenerPort: 8080, pathPrefix: "/users", priority: 100 },
    });
    const prod = environments[1];
    expect(prod.deletionProtection).toBe(true);
    expect(prod.services.find((s) => s.name === "users")!.desiredCount).toBe(2);
  });

  it("reports every problem of every file at once, each naming file, path, value and expectation", () => {
    const root = projectWith({
      "environments/dev.json": (env) => {
        env.vpc.natStrategyy = env.vpc.natStrategy;
        delete env.vpc.natStrategy;
        env.vpc.cidr = "10.0.0.0/33";
      },
      "services/users/service.json": (svc) => {
        svc.port = "8000";
      },
    });
    expect(problemsOf(root)).toEqual([
      'services/users/service.json: $.port: "8000" is a string, not an integer; expected the port the container listens on (e.g. 8000)',
      "environments/dev.json: $.vpc.natStrategy: required key is missing; expected egress for the private subnets: a NAT gateway per AZ (highly available), a single shared one (cheaper), or none (then see interfaceEndpoints)",
      'environments/dev.json: $.vpc.natStrategyy: unknown key; did you mean "natStrategy"?',
      `environments/dev.json: $.vpc.cidr: "10.0.0.0/33" is invalid; expected the VPC's IPv4 CIDR block, /16 to /24 (e.g. "10.0.0.0/16")`,
    ]);
  });

  it("rejects a Fargate CPU/memory pair that would fail at apply time", () => {
    const root = projectWith({ "services/users/service.json": (svc) => (svc.memory = 4096) });
    expect(problemsOf(root)).toEqual([
      "services/users/service.json: $.memory: 4096 MiB is not a Fargate size for 256 CPU units; expected 512, 1024 or 2048 MiB",
    ]);
  });

  it("rejects a manifest whose name differs from its folder, and malformed JSON", () => {
    const root = projectWith({ "services/users/service.json": (svc) => (svc.name = "accounts") });
    writeFileSync(join(root, "environments", "prod.json"), "{ not json");
    const problems = problemsOf(root);
    expect(problems).toContain(
      'services/users/service.json: $.name: "accounts" differs from its folder "users"; expected "users" (or rename the folder)',
    );
    expect(
      problems.find((p) => p.startsWith("environments/prod.json: $: is not valid JSON")),
    ).toBeDefined();
  });

  it("spreads tasks over Fargate and Spot, and turns tracing on, by whether the environment is production", () => {
    const [dev, prod] = loadProject(".").environments;
    expect(dev.compute).toEqual({ onDemandBase: 1, onDemandWeight: 1, spotWeight: 3 });
    expect(prod.compute).toEqual({ onDemandBase: 2, onDemandWeight: 3, spotWeight: 1 });
    expect(dev.observability).toEqual({ alarmEmails: [], xray: false });
    expect(prod.observability).toEqual({ alarmEmails: ["ops@example.com"], xray: true });
  });

  it("has compute defaults with a positive spotWeight, so both weights 0 means spotWeight was written", () => {
    for (const defaults of Object.values(COMPUTE_DEFAULTS)) {
      expect(defaults.spotWeight).toBeGreaterThan(0);
    }
  });

  it("keeps written compute and observability settings over the defaults", () => {
    const root = projectWith({
      "environments/dev.json": (env) => {
        env.compute = { onDemandBase: 0 };
        env.observability = { xray: true, alarmEmails: ["dev@example.com"] };
      },
    });
    const dev = loadProject(root).environments.find((e) => e.name === "dev")!;
    expect(dev.compute).toEqual({ onDemandBase: 0, onDemandWeight: 1, spotWeight: 3 });
    expect(dev.observability).toEqual({ alarmEmails: ["dev@example.com"], xray: true });
  });

  it("needs no X-Ray endpoint without NAT when tracing is off", () => {
    const root = projectWith({
      "environments/prod.json": (env) => {
        env.vpc.natStrategy = "none";
        env.vpc.interfaceEndpoints = ["ecr.api", "ecr.dkr", "logs"];
        env.observability.xray = false;
      },
    });
    expect(loadProject(root).environments[1].vpc.natStrategy).toBe("none");
  });
});
