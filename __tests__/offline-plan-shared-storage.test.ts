// A real `terraform plan` of a stack with shared storage, which no service of the repository asks
// for today: users mounts /data in a copy of the configuration. About 10 s.
import { join, resolve } from "node:path";
import { startEmulators, type Emulators } from "../lib/emulators";
import { planAllStacksOffline, type OfflinePlanReport } from "../lib/offline-plan/plan-all";
import { resourcesToCreate, showPlan, type PlanJson } from "../lib/offline-plan/show-plan";
import { synthesize } from "../main";
import { configProject } from "./support/config-project";
import { tempDir } from "./support/temp-dir";

const REPO_ROOT = resolve(__dirname, "..");

describe("the offline plan of a stack with shared storage", () => {
  let emulators: Emulators;
  let report: OfflinePlanReport;
  let plan: PlanJson;

  beforeAll(async () => {
    const root = configProject({
      edit: { "services/users/service.json": (users) => (users.sharedStorage = { path: "/data" }) },
    });
    const dir = tempDir("offline-plan-efs-");
    const outdir = join(dir, "cdktf.out");
    synthesize(root, outdir);
    emulators = await startEmulators();
    report = await planAllStacksOffline({
      root: REPO_ROOT,
      outdir,
      workRoot: join(dir, "work"),
      emulators,
      stacks: ["dev"],
    });
    const dev = report.plans[0];
    if (dev.ok) plan = await showPlan(dev.workDir, dev.planFile ?? "", report.env);
  }, 180_000);

  afterAll(() => emulators?.stop());

  it("plans the file system, a mount target per AZ, users' access point and the file system policy", () => {
    expect(report.plans.map((p) => [p.stack, p.error])).toEqual([["dev", undefined]]);
    const created = resourcesToCreate(plan);
    expect(created).toMatchObject({
      aws_efs_file_system: 1,
      aws_efs_mount_target: 2,
      aws_efs_access_point: 1,
      aws_efs_file_system_policy: 1,
      aws_efs_backup_policy: 1,
    });
  });
});
