import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { configProject, problemsOf, type JsonEdit } from "../support/config-project";
import { commitAll } from "../../scripts/git-checkout";
import { editJson, makeTempProject, SYNTH_COMMAND } from "../support/temp-project";
import { snapshotTree } from "../support/tree-snapshot";

/**
 * Mistakes across four files, in one run: values the schema rejects (required ones among them)
 * next to semantic mistakes in the other values of the same files, and clashes between files,
 * each reported at the file edited into it.
 */
const MISTAKES: Record<string, JsonEdit> = {
  "services/users/service.json": (svc) => {
    svc.port = "8000";
    svc.cpu = "256";
    svc.memory = 1000;
    svc.environment.DB_PASSWORD = "hunter2";
  },
  "services/products/service.json": (svc) => {
    svc.healthCheck.intervalSeconds = 1;
    svc.memory = 4096;
    svc.routing.pathPrefix = "/users";
  },
  "environments/dev.json": (env) => {
    env.vpc.natStrategyy = env.vpc.natStrategy;
    delete env.vpc.natStrategy;
    env.routing.sharedListenerPort = 8081;
  },
  "environments/prod.json": (env) => {
    env.regoin = env.region;
    delete env.region;
    env.vpc.publicSubnets[1] = "10.1.16.0/20";
    env.tags["aws:team"] = "platform";
  },
};

const EXPECTED_PROBLEMS = [
  "services/products/service.json: $.healthCheck.intervalSeconds: 1 is outside 5 to 300; expected seconds between load balancer health checks",
  "services/products/service.json: $.memory: 4096 MiB is not a Fargate size for 256 CPU units; expected 512, 1024 or 2048 MiB",
  'services/products/service.json: $.routing.pathPrefix: "/users" is already the path prefix of services/users/service.json ($.routing.pathPrefix); expected a prefix no other service uses (free: "/products")',
  'services/users/service.json: $.port: "8000" is a string, not an integer; expected the port the container listens on (e.g. 8000)',
  'services/users/service.json: $.cpu: "256" is not allowed; expected one of 256, 512, 1024, 2048, 4096, 8192, 16384 (a number, not the string "256")',
  "services/users/service.json: $.memory: 1000 MiB is not a memory size Fargate offers with any CPU; expected a Fargate size, e.g. 1024 MiB (the closest)",
  'services/users/service.json: $.environment.DB_PASSWORD: a 7-character value in a plain environment variable looks like a secret (its name says it is a secret); expected it in Secrets Manager or SSM Parameter Store and referenced from "secrets", e.g. "secrets": { "DB_PASSWORD": "arn:aws:secretsmanager:<region>:<account>:secret:<name>" }',
  "environments/dev.json: $.vpc.natStrategy: required key is missing; expected egress for the private subnets: a NAT gateway per AZ (highly available), a single shared one (cheaper), or none (then see interfaceEndpoints)",
  'environments/dev.json: $.vpc.natStrategyy: unknown key; did you mean "natStrategy"?',
  "environments/dev.json: $.routing.sharedListenerPort: 8081 is also the listener port of services/products/service.json ($.routing.listenerPort); expected a port no service listener uses (free: 8082)",
  'environments/prod.json: $.region: required key is missing; expected the AWS region (e.g. "us-east-1")',
  'environments/prod.json: $.regoin: unknown key; did you mean "region"?',
  'environments/prod.json: $.vpc.publicSubnets[1]: "10.1.16.0/20" is outside the VPC "10.0.0.0/16"; expected a block inside it',
  'environments/prod.json: $.tags["aws:team"]: "aws:team" starts with "aws:", which AWS reserves for its own tags; expected a key of only letters, digits, spaces and _ . : / = + - @, not starting with "aws:"',
];

describe("a configuration with many mistakes", () => {
  it("reports schema and semantic problems of every file together, without follow-on errors", () => {
    // Without git, the file edited last is the one edited into a clash (see configProject).
    expect(problemsOf(configProject({ edit: MISTAKES }))).toEqual(EXPECTED_PROBLEMS);
  });

  it("stops synthesis with one line per problem and exit code 1, leaving cdktf.out byte-for-byte intact", () => {
    // A git checkout: the file whose commit lacks the clashing value is the one edited into it.
    const root = makeTempProject();
    commitAll(root);
    const [command, ...args] = SYNTH_COMMAND;
    const synth = () => spawnSync(command, args, { cwd: root, encoding: "utf8" });
    expect(synth().status).toBe(0);
    const before = snapshotTree(join(root, "cdktf.out"));

    for (const [file, edit] of Object.entries(MISTAKES)) editJson(root, file, edit);
    const result = synth();

    expect(result.status).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr.trim().split("\n")).toEqual([
      `Synthesis stopped: ${EXPECTED_PROBLEMS.length} configuration problem(s), nothing written.`,
      ...EXPECTED_PROBLEMS,
    ]);
    expect(snapshotTree(join(root, "cdktf.out"))).toEqual(before);
  });
});
