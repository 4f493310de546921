// The analysis of a real `terraform show -json`: a fixture stack of `terraform_data` resources
// (built into Terraform: no provider, no network) applied, changed, then planned.
import { App, DataResource, LocalBackend, TerraformStack } from "cdktf";
import { Construct } from "constructs";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { showPlan } from "../../../lib/offline-plan/show-plan";
import { runTerraform } from "../../../lib/offline-plan/terraform-process";
import { analyzePlan, type PlanAnalysis } from "../../../lib/plan-analysis";
import { terraformEnv } from "../../../lib/terraform-cli/terraform-env";
import { tempDir } from "../../support/temp-dir";

const SERVICES = ["orders", "billing"];

/** Version 1 is applied; version 2 changes it in every way a plan can, but a read. */
function synthesizeFixture(outdir: string, statePath: string, version: 1 | 2): string {
  const app = new App({ outdir, stackTraces: false });
  const stack = new TerraformStack(app, "shop");
  new LocalBackend(stack, { path: statePath });
  const ecs = new Construct(stack, "ecs");
  new DataResource(ecs, "service-orders", { input: { desiredCount: version } });
  new DataResource(ecs, "service-billing", { input: { desiredCount: 1 } });
  const ecr = new Construct(stack, "ecr");
  new DataResource(ecr, "repository-orders", { triggersReplace: [`v${version}`] });
  const alb = new Construct(stack, "alb");
  new DataResource(alb, "target-group-billing", {
    triggersReplace: [version === 1 ? 80 : 8080],
    lifecycle: { createBeforeDestroy: true },
  });
  if (version === 1)
    new DataResource(new Construct(stack, "vpc"), "flow-log", { input: { retentionDays: 14 } });
  else
    new DataResource(new Construct(stack, "postgres-orders"), "instance", {
      input: { engine: "postgres" },
    });
  app.synth();
  return join(outdir, "stacks", "shop");
}

async function terraform(args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<void> {
  const run = await runTerraform([...args, "-input=false", "-no-color"], { cwd, env });
  if (run.exitCode !== 0) throw new Error(`terraform ${args[0]} failed:\n${run.stderr}`);
}

describe("analyzePlan on a real terraform plan", () => {
  let analysis: PlanAnalysis;

  beforeAll(async () => {
    const dir = tempDir("plan-analysis-");
    const cliConfig = join(dir, "terraform.rc");
    writeFileSync(cliConfig, "");
    const env = terraformEnv({ cliConfigFile: cliConfig, offline: true });
    const statePath = join(dir, "shop.tfstate");

    const applied = synthesizeFixture(join(dir, "v1"), statePath, 1);
    await terraform(["init"], applied, env);
    await terraform(["apply", "-auto-approve"], applied, env);

    const changed = synthesizeFixture(join(dir, "v2"), statePath, 2);
    await terraform(["init"], changed, env);
    await terraform(["plan", "-out=changed.tfplan"], changed, env);
    const plan = await showPlan(changed, "changed.tfplan", env);
    const config = JSON.parse(readFileSync(join(changed, "cdk.tf.json"), "utf8"));
    analysis = analyzePlan(plan, { config, services: SERVICES });
  }, 60_000);

  const byGroup = () =>
    Object.fromEntries(
      analysis.changes.map((c) => [
        c.group.label,
        { action: c.action, replaceOrder: c.replaceOrder, reason: c.reason },
      ]),
    );

  it("reads each resource's action and the module and service its construct path names", () => {
    expect(byGroup()).toEqual({
      "ecs/orders": { action: "update" },
      "ecs/billing": { action: "no-op" },
      "ecr/orders": {
        action: "replace",
        replaceOrder: "delete-before-create",
        reason: "replace_because_cannot_update",
      },
      "alb/billing": {
        action: "replace",
        replaceOrder: "create-before-destroy",
        reason: "replace_because_cannot_update",
      },
      vpc: { action: "delete", reason: "delete_because_no_resource_config" },
      "postgres-orders": { action: "create" },
    });
  });

  it("names the attribute that forces a replacement", () => {
    const replaced = analysis.changes.filter((c) => c.action === "replace");
    expect(replaced.map((c) => c.replacePaths)).toEqual([
      ["triggers_replace"],
      ["triggers_replace"],
    ]);
  });

  it("names the attributes an update changes: the input, and the output known after apply", () => {
    const updated = analysis.changes.find((c) => c.action === "update");
    expect(updated?.changedAttributes).toEqual(["input.desiredCount", "output"]);
  });

  it("reports construct paths from the configuration, none for the destroyed resource", () => {
    expect(
      Object.fromEntries(analysis.changes.map((c) => [c.group.label, c.constructPath])),
    ).toMatchObject({
      "ecs/orders": "shop/ecs/service-orders",
      "postgres-orders": "shop/postgres-orders/instance",
      vpc: undefined,
    });
  });

  it("counts every group's actions", () => {
    expect(Object.fromEntries(analysis.groups.map((g) => [g.group.label, g.counts]))).toEqual({
      "alb/billing": { replace: 1 },
      "ecr/orders": { replace: 1 },
      "ecs/billing": { "no-op": 1 },
      "ecs/orders": { update: 1 },
      "postgres-orders": { create: 1 },
      vpc: { delete: 1 },
    });
  });
});
