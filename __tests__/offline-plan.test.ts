// The offline main job end to end: real terraform, the real provider (from the mirror), the
// S3/DynamoDB stand-ins for state and locks. 15-25 s on two cores.
import { join, resolve } from "node:path";
import { loadProject } from "../config/load";
import type { EnvironmentConfig } from "../config/model";
import { startEmulators, type Emulators } from "../lib/emulators";
import { planAllStacksOffline, type OfflinePlanReport } from "../lib/offline-plan/plan-all";
import { dynamoDbLockId, s3Backend } from "../lib/offline-plan/s3-backend";
import { resourcesToCreate, showPlan, type PlanJson } from "../lib/offline-plan/show-plan";
import { readSynthesizedStacks } from "../lib/offline-plan/synthesized-stack";
import { synthesize } from "../main";
import { tempDir } from "./support/temp-dir";
import { snapshotTree } from "./support/tree-snapshot";

const REPO_ROOT = resolve(__dirname, "..");
const environments = loadProject(REPO_ROOT).environments;

function natGateways(env: EnvironmentConfig): number {
  const perStrategy = { "one-per-az": env.azs.length, single: 1, none: 0 };
  return perStrategy[env.vpc.natStrategy];
}

describe("npm run plan: every stack planned offline against the state stand-ins", () => {
  let emulators: Emulators;
  let outdir: string;
  let synthesized: Record<string, string>;
  let report: OfflinePlanReport;
  const planJson: Record<string, PlanJson> = {};

  beforeAll(async () => {
    const dir = tempDir("offline-plan-");
    outdir = join(dir, "cdktf.out");
    synthesize(REPO_ROOT, outdir);
    synthesized = snapshotTree(outdir);
    emulators = await startEmulators();
    report = await planAllStacksOffline({
      root: REPO_ROOT,
      outdir,
      workRoot: join(dir, "work"),
      emulators,
    });
    for (const plan of report.plans) {
      if (plan.ok)
        planJson[plan.stack] = await showPlan(plan.workDir, plan.planFile ?? "", report.env);
    }
  }, 180_000);

  afterAll(() => emulators?.stop());

  it("plans the state stack and every environment's stack, reporting terraform's error otherwise", () => {
    expect(report.plans.map((p) => p.stack).sort()).toEqual(
      ["state", ...environments.map((e) => e.name)].sort(),
    );
    for (const plan of report.plans) {
      expect({ stack: plan.stack, error: plan.error }).toEqual({
        stack: plan.stack,
        error: undefined,
      });
      expect(plan.summary?.line).toMatch(/^Plan: \d+ to add, 0 to change, 0 to destroy\.$/);
    }
  });

  it.each(
    environments.map((env) => [
      env.name,
      natGateways(env),
      2 * env.azs.length,
      env.services.length,
    ]),
  )(
    "%s: plans %i NAT gateway(s), %i subnets (public and private per AZ), %i ECS services and one ALB",
    (name, nats, subnets, services) => {
      const created = resourcesToCreate(planJson[name] ?? {});
      expect(created.aws_nat_gateway ?? 0).toBe(nats);
      expect(created.aws_subnet).toBe(subnets);
      expect(created.aws_ecs_service).toBe(services);
      expect(created.aws_lb).toBe(1);
    },
  );

  it.each(environments.map((env) => [env.name, env] as const))(
    "%s: plans the autoscaling, the capacity providers, every alarm, the dashboard and the encrypted alarm topic",
    (name, env) => {
      const created = resourcesToCreate(planJson[name] ?? {});
      const synthesizedJson = JSON.parse(
        Buffer.from(synthesized[`stacks/${name}/cdk.tf.json`], "base64").toString("utf8"),
      );
      const scaled = env.services.filter((s) => s.scaling);
      const policies = scaled.flatMap((s) =>
        [
          s.scaling!.cpuTargetPercent,
          s.scaling!.memoryTargetPercent,
          s.scaling!.requestsPerTarget,
        ].filter((target) => target !== undefined),
      );
      expect(created.aws_appautoscaling_target).toBe(scaled.length);
      expect(created.aws_appautoscaling_policy).toBe(policies.length);
      expect(created.aws_ecs_cluster_capacity_providers).toBe(1);
      expect(created.aws_cloudwatch_metric_alarm).toBe(
        Object.keys(synthesizedJson.resource.aws_cloudwatch_metric_alarm).length,
      );
      expect(created.aws_cloudwatch_dashboard).toBe(1);
      expect(created.aws_sns_topic).toBe(1);
      expect(created.aws_kms_key_policy).toBe(
        Object.keys(synthesizedJson.resource.aws_kms_key_policy).length,
      );
      expect(created.aws_sns_topic_subscription ?? 0).toBe(env.observability.alarmEmails.length);
    },
  );

  it.each(environments.map((env) => [env.name, env.backup.copy ? 2 : 1]))(
    "%s: plans %i backup vault(s) (a copy vault in another region when configured), the daily plan, and the static objects bucket beside the access log bucket",
    (name, vaults) => {
      const created = resourcesToCreate(planJson[name] ?? {});
      expect(created.aws_backup_vault).toBe(vaults);
      expect(created.aws_backup_plan).toBe(1);
      expect(created.aws_backup_selection).toBe(1);
      expect(created.aws_s3_bucket).toBe(2);
      expect(created.aws_s3_bucket_policy).toBe(2);
      // The static objects bucket logs its access into the access log bucket.
      expect(created.aws_s3_bucket_logging).toBe(1);
      // Every key comes with its own key policy.
      expect(created.aws_kms_key_policy).toBe(created.aws_kms_key);
    },
  );

  it.each(environments.map((env) => [env.name]))(
    "%s: plans the edge's protections: a logged web ACL on the load balancer, a network ACL per tier, flow logs, the access log bucket",
    (name) => {
      const created = resourcesToCreate(planJson[name] ?? {});
      expect(created).toMatchObject({
        aws_wafv2_web_acl: 1,
        aws_wafv2_web_acl_association: 1,
        aws_wafv2_web_acl_logging_configuration: 1,
        aws_network_acl: 2,
        aws_default_network_acl: 1,
        aws_flow_log: 1,
      });
    },
  );

  it("state: plans the hardened state bucket with its log bucket, its key with its policy, and prod's lock table", () => {
    const created = resourcesToCreate(planJson.state ?? {});
    expect(created.aws_s3_bucket).toBe(2);
    expect(created.aws_s3_bucket_versioning).toBe(2);
    expect(created.aws_s3_bucket_public_access_block).toBe(2);
    expect(created.aws_s3_bucket_policy).toBe(2);
    expect(created.aws_s3_bucket_logging).toBe(1);
    expect(created.aws_kms_key).toBe(1);
    expect(created.aws_kms_key_policy).toBe(1);
    expect(created.aws_dynamodb_table).toBe(1);
  });

  it("reports Terraform's own count, which matches the saved plan", () => {
    for (const plan of report.plans) {
      const creates = Object.values(resourcesToCreate(planJson[plan.stack] ?? {}));
      expect(plan.summary?.toAdd).toBe(creates.reduce((sum, n) => sum + n, 0));
    }
  });

  it("looks up each stack's state in its bucket in the S3 stand-in", async () => {
    for (const stack of readSynthesizedStacks(outdir)) {
      const backend = s3Backend(stack.name, stack.config);
      if (backend === undefined) continue;
      expect(await emulators.s3.bucketExists(backend.bucket)).toBe(true);
      const stateObject = `/${backend.bucket}/${backend.key}`;
      const lookups = emulators.requests.filter(
        (r) => r.service === "s3" && r.path.split("?")[0] === stateObject,
      );
      expect(lookups.map((r) => r.method)).toContain("HEAD");
    }
  });

  it("takes and releases DynamoDB locks in the stand-in for stacks that lock with DynamoDB", async () => {
    const stacks = readSynthesizedStacks(outdir);
    const dynamoLocked = stacks.filter((s) => s3Backend(s.name, s.config)?.dynamodbTable);
    expect(dynamoLocked.length).toBeGreaterThan(0); // prod
    for (const stack of dynamoLocked) {
      const backend = s3Backend(stack.name, stack.config);
      if (!backend?.dynamodbTable) continue;
      const lockId = dynamoDbLockId(backend);
      const writes = emulators.requests.filter((r) => r.lockId === lockId);
      expect(writes.map((r) => [r.operation, r.table])).toEqual(
        expect.arrayContaining([
          ["PutItem", backend.dynamodbTable],
          ["DeleteItem", backend.dynamodbTable],
        ]),
      );
      const items = await emulators.dynamodb.scan(backend.dynamodbTable);
      expect(items).not.toContainEqual(expect.objectContaining({ LockID: { S: lockId } }));
    }
  });

  it("locks S3-lockfile stacks with a lock object in the bucket, not with DynamoDB", () => {
    const stacks = readSynthesizedStacks(outdir);
    const fileLocked = stacks.filter((s) => s3Backend(s.name, s.config)?.useLockfile);
    expect(fileLocked.length).toBeGreaterThan(0); // dev
    for (const stack of fileLocked) {
      const backend = s3Backend(stack.name, stack.config);
      if (!backend) continue;
      const lockObject = `/${backend.bucket}/${backend.key}.tflock`;
      const methods = emulators.requests
        .filter((r) => r.service === "s3" && r.path.split("?")[0] === lockObject)
        .map((r) => r.method);
      expect(methods).toEqual(expect.arrayContaining(["PUT", "DELETE"]));
      expect(emulators.requests.some((r) => r.lockId === dynamoDbLockId(backend))).toBe(false);
    }
  });

  it("leaves the synthesized output byte for byte as it was", () => {
    expect(snapshotTree(outdir)).toEqual(synthesized);
  });
});
