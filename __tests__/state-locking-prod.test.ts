// Locking proved on a real environment's backend: the prod stack (DynamoDB locking, as
// synthesized from environments/prod.json) planned twice at the same time, the way two CI jobs or
// two engineers would, against the stand-ins. See state-locking.test.ts for the fixture applies
// and for what the stand-ins can and cannot prove.
import { App } from "cdktf";
import { join, resolve } from "node:path";
import { startEmulators, type Emulators } from "../lib/emulators";
import { prepareOfflineRuns } from "../lib/offline-plan/offline-setup";
import { planStackOffline, type OfflineStackPlan } from "../lib/offline-plan/plan-stack";
import { dynamoDbLockId, type S3BackendSettings } from "../lib/offline-plan/s3-backend";
import {
  readSynthesizedStacks,
  type SynthesizedStack,
} from "../lib/offline-plan/synthesized-stack";
import { runTerraform, type TerraformRun } from "../lib/offline-plan/terraform-process";
import { EnvironmentStack } from "../main";
import { initStack, s3BackendOf } from "./support/offline-stack";
import { PROJECT, TEST_SOURCE } from "./support/stacks";
import {
  dynamoDbLockHolder,
  lockInfoLine,
  signalProcessGroup,
  waitFor,
  type LockInfo,
} from "./support/state-locks";
import { tempDir } from "./support/temp-dir";

const REPO_ROOT = resolve(__dirname, "..");
const LOCK_ERROR = "Error acquiring the state lock";

describe("the prod stack's own backend: two plans at the same time", () => {
  // A plan holds its lock only while it runs (seconds) and has no provisioner to hold it at: once
  // the first plan holds the lock it is paused (SIGSTOP to its process group), so the second runs
  // while the lock is certainly held, whatever the machine's load; then the first resumes.
  let emulators: Emulators;
  let backend: S3BackendSettings;
  let first: TerraformRun;
  let held: LockInfo;
  let heldWhenPaused: LockInfo | undefined;
  let stillHeldAfterSecond: LockInfo | undefined;
  let second: OfflineStackPlan;

  beforeAll(async () => {
    const dir = tempDir("locking-prod-");
    const prodEnv = PROJECT.environments.find((e) => e.name === "prod");
    if (prodEnv === undefined) throw new Error("no prod environment");
    const app = new App({ outdir: join(dir, "cdktf.out"), stackTraces: false });
    new EnvironmentStack(app, prodEnv, TEST_SOURCE);
    app.synth();
    const [stack] = readSynthesizedStacks(join(dir, "cdktf.out")) as [SynthesizedStack];
    backend = s3BackendOf(stack);
    const table = backend.dynamodbTable as string;

    emulators = await startEmulators();
    const setup = await prepareOfflineRuns({ root: REPO_ROOT, stacks: [stack], emulators });
    const firstDir = join(dir, "first");
    await initStack(stack, firstDir, setup);

    let pid: number | undefined;
    const planning = runTerraform(["plan", "-input=false", "-no-color", "-lock-timeout=0s"], {
      cwd: firstDir,
      env: setup.context.env,
      onStart: (started) => (pid = started),
    });
    try {
      const lockId = dynamoDbLockId(backend);
      held = await waitFor(
        "prod's lock",
        () => dynamoDbLockHolder(emulators, table, lockId),
        planning,
      );
      signalProcessGroup(pid as number, "SIGSTOP");
      heldWhenPaused = await dynamoDbLockHolder(emulators, table, lockId);
      second = await planStackOffline(stack, join(dir, "second"), {
        ...setup.context,
        lockTimeout: "0s",
      });
      stillHeldAfterSecond = await dynamoDbLockHolder(emulators, table, lockId);
    } finally {
      if (pid !== undefined) signalProcessGroup(pid, "SIGCONT");
      first = await planning;
    }
  }, 120_000);

  afterAll(() => emulators?.stop());

  it("the first plan, which took the lock, completes", () => {
    expect(first.stderr).toBe("");
    expect(first.exitCode).toBe(0);
    expect(first.stdout).toMatch(/^Plan: \d+ to add, 0 to change, 0 to destroy\.$/m);
  });

  it("the second fails at its plan step with Terraform's lock error naming the first, without waiting for it", () => {
    expect(second).toMatchObject({ ok: false, failedStep: "plan" });
    expect(second.error).toContain(LOCK_ERROR);
    expect(second.error).toMatch(lockInfoLine("ID", held.ID));
    expect(second.error).toMatch(lockInfoLine("Operation", "OperationTypePlan"));
    expect(second.error).toMatch(lockInfoLine("Who", held.Who));
    // Still held when the first was paused, and when the second had ended.
    expect(heldWhenPaused).toEqual(held);
    expect(stillHeldAfterSecond).toEqual(held);
  });

  it("the lock is released once the first plan is done", async () => {
    expect(
      await dynamoDbLockHolder(emulators, backend.dynamodbTable as string, dynamoDbLockId(backend)),
    ).toBeUndefined();
  });
});
