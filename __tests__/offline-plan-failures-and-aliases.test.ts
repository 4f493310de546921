// Offline planning of stacks the project does not have yet: a second, aliased AWS provider (a
// later issue adds one for another region) and a broken stack whose error must reach the user.
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { SqsQueue } from "@cdktf/provider-aws/lib/sqs-queue";
import { DataAwsRegion } from "@cdktf/provider-aws/lib/data-aws-region";
import { App, TerraformOutput, TerraformStack } from "cdktf";
import { join, resolve } from "node:path";
import { planAllStacksOffline, type OfflinePlanReport } from "../lib/offline-plan/plan-all";
import { showPlan } from "../lib/offline-plan/show-plan";
import { useRemoteState } from "../stacks/remote-state";
import { tempDir } from "./support/temp-dir";

const REPO_ROOT = resolve(__dirname, "..");

function synthesizeFixtures(outdir: string): void {
  const app = new App({ outdir, stackTraces: false });

  const regions = new TerraformStack(app, "two-regions");
  new AwsProvider(regions, "aws", { region: "us-east-1", allowedAccountIds: ["123456789012"] });
  const replica = new AwsProvider(regions, "replica", { region: "eu-west-1", alias: "replica" });
  useRemoteState(regions, {
    bucket: "fixture-state",
    key: "two-regions.tfstate",
    region: "us-east-1",
    lock: "dynamodb",
    dynamodbTable: "fixture-locks",
    accountId: "123456789012",
  });
  new SqsQueue(regions, "primary", { name: "primary" });
  new SqsQueue(regions, "copy", { name: "copy", provider: replica });
  const replicaRegion = new DataAwsRegion(regions, "replica-region", { provider: replica });
  new TerraformOutput(regions, "replica_region", { value: replicaRegion.name });

  const broken = new TerraformStack(app, "broken");
  new AwsProvider(broken, "aws", { region: "us-east-1" });
  new TerraformOutput(broken, "dangling", { value: "${aws_sqs_queue.missing.arn}" });

  app.synth();
}

describe("offline plan of other stack shapes", () => {
  let report: OfflinePlanReport;

  beforeAll(async () => {
    const dir = tempDir("offline-fixtures-");
    synthesizeFixtures(join(dir, "cdktf.out"));
    report = await planAllStacksOffline({
      root: REPO_ROOT,
      outdir: join(dir, "cdktf.out"),
      workRoot: join(dir, "work"),
    });
  }, 120_000);

  it("plans with every aliased AWS provider configured offline, account restrictions lifted", async () => {
    const plan = report.plans.find((p) => p.stack === "two-regions");
    expect(plan?.error).toBeUndefined();
    expect(plan?.summary?.toAdd).toBe(2);
    const json = (await showPlan(plan?.workDir ?? "", plan?.planFile ?? "", report.env)) as {
      planned_values: { outputs: Record<string, { value: unknown }> };
    };
    expect(json.planned_values.outputs.replica_region?.value).toBe("eu-west-1");
  });

  it("reports a failing stack's step and terraform's error, without failing the others", () => {
    const broken = report.plans.find((p) => p.stack === "broken");
    expect(broken).toMatchObject({ ok: false, failedStep: "plan" });
    expect(broken?.error).toContain("Reference to undeclared resource");
    expect(report.plans.find((p) => p.stack === "two-regions")?.ok).toBe(true);
  });
});
