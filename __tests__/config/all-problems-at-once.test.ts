import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { configProject, problemsOf, type JsonEdit } from "../support/config-project";
import { editJson, makeTempProject, SYNTH_COMMAND } from "../support/temp-project";
import { snapshotTree } from "../support/tree-snapshot";

/**
 * Mistakes across four files: files the schema rejects as a whole (a required key gone), files
 * with both schema and semantic mistakes, and references to a service whose manifest is broken
 * (which must not be called unknown).
 */
const MISTAKES: Record<string, JsonEdit> = {
  "services/users/service.json": (svc) => (svc.port = "8000"),
  "services/products/service.json": (svc) => {
    svc.healthCheck.intervalSeconds = 1;
    svc.memory = 4096;
    svc.environment.DB_PASSWORD = "hunter2";
  },
  "environments/dev.json": (env) => {
    env.regoin = env.region;
    delete env.region;
  },
  "environments/prod.json": (env) => {
    env.logRetentionDay = 30;
    env.vpc.publicSubnets[1] = "10.1.16.0/20";
    env.services = { users: { desiredCount: 3 } };
    env.tags["aws:team"] = "platform";
  },
};

const EXPECTED_PROBLEMS = [
  "services/products/service.json: $.healthCheck.intervalSeconds: 1 is outside 5 to 300; expected seconds between load balancer health checks",
  "services/products/service.json: $.memory: 4096 MiB is not a Fargate size for 256 CPU units; expected 512, 1024 or 2048 MiB",
  'services/products/service.json: $.environment.DB_PASSWORD: a 7-character value in a plain environment variable looks like a secret (its name says it is a secret); expected it in Secrets Manager or SSM Parameter Store and referenced from "secrets", e.g. "secrets": { "DB_PASSWORD": "arn:aws:secretsmanager:<region>:<account>:secret:<name>" }',
  'services/users/service.json: $.port: "8000" is a string, not an integer; expected the port the container listens on (e.g. 8000)',
  'environments/dev.json: $.region: required key is missing; expected the AWS region (e.g. "us-east-1")',
  'environments/dev.json: $.regoin: unknown key; did you mean "region"?',
  'environments/prod.json: $.logRetentionDay: unknown key; did you mean "logRetentionDays"?',
  'environments/prod.json: $.vpc.publicSubnets[1]: "10.1.16.0/20" is outside the VPC "10.0.0.0/16"; expected a block inside it',
  'environments/prod.json: $.tags["aws:team"]: "aws:team" starts with "aws:", which AWS reserves for its own tags; expected a key of only letters, digits, spaces and _ . : / = + - @, not starting with "aws:"',
];

describe("a configuration with many mistakes", () => {
  it("reports schema and semantic problems of every file together, without follow-on errors", () => {
    expect(problemsOf(configProject({ edit: MISTAKES }))).toEqual(EXPECTED_PROBLEMS);
  });

  it("stops synthesis with one line per problem and exit code 1, leaving cdktf.out byte-for-byte intact", () => {
    const root = makeTempProject();
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
