// `npm run plan` as a user runs it: a real process on a small fixture project, real terraform.
// Replacements need a state that already holds resources: the fixture's state stack keeps its
// state in a local file, seeded from the stack's own first plan (stateFromPlan).
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { showPlan } from "../lib/offline-plan/show-plan";
import { PLAN_EXIT_CODES } from "../lib/plan-command/exit-codes";
import { terraformEnv } from "../lib/terraform-cli/terraform-env";
import {
  FIXTURE_ENVIRONMENT,
  FIXTURE_LOCK_TABLE,
  planProject,
  npmScript,
  runCommand,
  stopRunningCommands,
  writePlanProjectConfig,
  type CommandResult,
} from "./support/plan-project";
import { stateFromPlan, type PlanValues } from "./support/seeded-state";

const ANSI_ESCAPE = "\u001b[";

/** What a plan of the state stack should count per module, read from its synthesized metadata. */
function resourcesPerModule(root: string): Record<string, number> {
  const config = JSON.parse(readFileSync(join(root, "cdktf.out/stacks/state/cdk.tf.json"), "utf8"));
  const counts: Record<string, number> = {};
  for (const blocks of Object.values<Record<string, any>>(config.resource)) {
    for (const block of Object.values<any>(blocks)) {
      const module = String(block["//"].metadata.path).split("/")[1] as string;
      counts[module] = (counts[module] ?? 0) + 1;
    }
  }
  return counts;
}

/** Seeds the state stack's local state with the lock table its last offline plan would create. */
async function seedLockTable(root: string): Promise<string> {
  const workDir = join(root, ".offline-plan/stacks/state");
  const cliConfigDir = join(root, ".terraform-cli");
  const rc = readdirSync(cliConfigDir).find((name) => name.endsWith(".rc"));
  const env = terraformEnv({ cliConfigFile: join(cliConfigDir, rc ?? ""), offline: true });
  const plan = (await showPlan(workDir, "offline.tfplan", env)) as unknown as PlanValues;
  const state = stateFromPlan(plan, (r) => r.type === "aws_dynamodb_table");
  writeFileSync(join(root, "terraform.state.tfstate"), JSON.stringify(state, null, 2));
  const table = plan.planned_values.root_module.resources?.find(
    (r) => r.type === "aws_dynamodb_table",
  );
  return table?.address ?? "";
}

describe("npm run plan (a process, on a fixture project)", () => {
  let root: string;
  let firstPlan: CommandResult;
  let lockTable: string;
  let firstPlanModules: Record<string, number>;

  beforeAll(async () => {
    root = planProject({ lock: "dynamodb" });
    firstPlan = await runCommand(root, npmScript("plan", ["--stack", "state", "--json"]));
    firstPlanModules = resourcesPerModule(root);
    lockTable = await seedLockTable(root);
    // The environment moves to S3 lock files: its DynamoDB lock table is no longer configured.
    writePlanProjectConfig(root, { lock: "s3" });
  }, 120_000);

  afterEach(() => stopRunningCommands(), 60_000);

  it("--help prints the usage, every option and every exit code, and exits 0", async () => {
    const help = await runCommand(root, npmScript("plan", ["--help"]));
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: npm run plan -- /);
    for (const option of [
      "--stack NAME",
      "--details",
      "--json",
      "--allow-replace",
      "--jobs N",
      "--lock-timeout DURATION",
      "-h, --help",
    ]) {
      expect(help.stdout).toContain(`\n  ${option}`);
    }
    for (const { code, meaning } of Object.values(PLAN_EXIT_CODES)) {
      expect(help.stdout).toContain(`\n  ${String(code).padEnd(5)}${meaning}\n`);
    }
  });

  it("exits 2 on a bad command line, naming every problem at once", async () => {
    const bad = await runCommand(
      root,
      npmScript("plan", [
        "--jobs",
        "0",
        "--lock-timeout",
        "soon",
        "--frobnicate",
        FIXTURE_ENVIRONMENT,
      ]),
    );
    expect(bad.code).toBe(PLAN_EXIT_CODES.usage.code);
    expect(bad.stdout).toBe("");
    expect(bad.stderr.trim().split("\n")).toEqual([
      'Unknown option "--frobnicate"; --help lists the options.',
      `Unexpected argument "${FIXTURE_ENVIRONMENT}": name a stack with --stack ${FIXTURE_ENVIRONMENT}.`,
      '--jobs must be a whole number of at least 1, got "0".',
      '--lock-timeout must be a duration such as 0s, 30s or 5m, got "soon".',
      expect.stringMatching(/^Usage: npm run plan -- /),
    ]);
  });

  it("exits 2 on an unknown --stack, listing the stacks, and plans nothing", async () => {
    const unknown = await runCommand(
      root,
      npmScript("plan", ["--stack", "nope", "--stack", FIXTURE_ENVIRONMENT]),
    );
    expect(unknown.code).toBe(PLAN_EXIT_CODES.usage.code);
    expect(unknown.stderr.trim()).toBe(
      `--stack "nope": no such stack; the synthesized stacks are ${FIXTURE_ENVIRONMENT}, state.`,
    );
    expect(unknown.stdout).toBe("");
  });

  describe("--json, before any state exists", () => {
    const document = () => JSON.parse(firstPlan.stdout);

    it("prints one JSON document and exits 0", () => {
      expect(firstPlan.code).toBe(0);
      expect(document()).toMatchObject({ exitCode: 0, problems: [] });
    });

    it("plans only the stack asked for, counting per module what its metadata declares", () => {
      const [stack, ...others] = document().stacks;
      expect(others).toEqual([]);
      expect(stack).toMatchObject({ name: "state", status: "planned" });
      const expected = firstPlanModules;
      expect(Object.fromEntries(stack.groups.map((g: any) => [g.label, g.counts.create]))).toEqual(
        expected,
      );
      const total = Object.values(expected).reduce((a, b) => a + b, 0);
      expect(stack.summary).toMatchObject({ add: total, change: 0, destroy: 0 });
    });

    it("lists each change with its address, module and action: only creations and reads", () => {
      const { changes } = document().stacks[0];
      expect(changes.filter((c: any) => c.action === "create")).toHaveLength(
        document().stacks[0].summary.add,
      );
      expect(changes.every((c: any) => ["create", "read"].includes(c.action))).toBe(true);
      expect(changes.find((c: any) => c.address === lockTable)).toMatchObject({
        type: "aws_dynamodb_table",
        action: "create",
        stateful: true,
        constructPath: `state/${changes[0].group}/lock-table-${FIXTURE_LOCK_TABLE}`,
      });
    });
  });

  describe("with a stateful resource in the state that the configuration no longer has", () => {
    it("lists the destroy first, flags it as an error, lists every resource with --details, and exits 3", async () => {
      const refused = await runCommand(root, npmScript("plan", ["--stack", "state", "--details"]));
      expect(refused.code).toBe(PLAN_EXIT_CODES.refused.code);
      const lines = refused.stdout.split("\n");
      expect(lines[0]).toMatch(/^state: Plan: \d+ to add, 0 to change, 1 to destroy\. \(init /);
      expect(lines[1]).toBe(`  delete  ${lockTable} (state-us-east-1) [stateful]`);
      expect(refused.stderr.trim()).toBe(
        `error: state: ${lockTable} (state-us-east-1) would be destroyed: its items go with it. ` +
          "Rerun with --allow-replace if that is intended.",
      );
      expect(refused.stdout).toMatch(/\n1 of 1 stack\(s\) planned in [\d.]+ s\.\n$/);
      expect(refused.stdout).not.toContain(ANSI_ESCAPE);

      expect(lines[2]).toMatch(/^ {2}state-us-east-1 {2}1 delete, \d+ create/);
      expect(lines.slice(3)).toContain(`    delete  ${lockTable} [stateful]`);
      const creations = lines.filter((line) => line.startsWith("    create  aws_"));
      expect(creations.length).toBe(Number(/(\d+) to add/.exec(lines[0] ?? "")?.[1]));
    });
  });
});
