// Locking proved: two terraform runs on one stack's state at the same time, against the S3 and
// DynamoDB stand-ins on loopback, through the project's own backend block (useRemoteState) and the
// offline backend configuration `npm run plan` uses (lib/offline-plan).
//
// What this proves and what it cannot: DynamoDB locking (prod's `lock: "dynamodb"`) excludes a
// second writer here, because dynalite honours DynamoDB's conditional writes as DynamoDB does.
// S3-native lock files (dev's `lock: "s3"`, `use_lockfile`) exclude through a conditional write too
// (`If-None-Match: *` on `<key>.tflock`), which real S3 honours and s3rver ignores: against s3rver
// a second writer would simply overwrite the lock file. So for lock files this shows only that
// Terraform writes the lock file with its holder and removes it afterwards, not mutual exclusion.
import { join } from "node:path";
import { startEmulators, type Emulators } from "../lib/emulators";
import { prepareOfflineRuns } from "../lib/offline-plan/offline-setup";
import { dynamoDbLockId, type S3BackendSettings } from "../lib/offline-plan/s3-backend";
import { runTerraform, type TerraformRun } from "../lib/offline-plan/terraform-process";
import { initStack, s3BackendOf } from "./support/offline-stack";
import {
  FIXTURE_STATE,
  Gate,
  fixtureStack,
  synthesizeStateFixtures,
} from "./support/state-fixtures";
import {
  dynamoDbLockHolder,
  firstToEnd,
  lockInfoLine,
  s3LockFileHolder,
  waitFor,
  type LockInfo,
} from "./support/state-locks";
import { tempDir } from "./support/temp-dir";
import {
  md5,
  pullState,
  resourceIds,
  stateDigestItem,
  type TerraformState,
} from "./support/terraform-state";

const APPLY = ["apply", "-auto-approve", "-input=false", "-no-color"] as const;
const LOCK_ERROR = "Error acquiring the state lock";

/** Long enough for a failing lock attempt on a loaded machine; only a broken lock waits it out. */
const NEITHER_ENDED_MS = 30_000;

/** The id terraform printed for a resource it created. */
function createdId(run: TerraformRun, address: string): string | undefined {
  const escaped = address.replace(/\./g, "\\.");
  return new RegExp(`^${escaped}: Creation complete after \\S+ \\[id=([^\\]]+)\\]`, "m").exec(
    run.stdout,
  )?.[1];
}

describe("DynamoDB locking: two applies of one stack at the same time", () => {
  let emulators: Emulators;
  let gate: Gate;
  let backend: S3BackendSettings;
  let before: TerraformState;
  let runs: TerraformRun[];
  let loserIndex: number;
  let lockWhenFirstEnded: LockInfo | undefined;
  let after: TerraformState;

  beforeAll(async () => {
    const dir = tempDir("locking-race-");
    gate = new Gate(join(dir, "gate"));
    const stack = fixtureStack(
      synthesizeStateFixtures(join(dir, "cdktf.out"), [{ name: "race", lock: "dynamodb", gate }]),
      "race",
    );
    backend = s3BackendOf(stack);
    emulators = await startEmulators();
    // No provider to install: a CLI configuration of its own, not the project's shared one.
    const setup = await prepareOfflineRuns({ root: dir, stacks: [stack], emulators });
    const env = setup.context.env;
    // Two working directories on one state, as two machines would have.
    const workDirs = [join(dir, "a"), join(dir, "b")];
    for (const workDir of workDirs) await initStack(stack, workDir, setup);

    gate.open();
    const seed = await runTerraform(APPLY, { cwd: workDirs[0] as string, env });
    if (seed.exitCode !== 0) throw new Error(`seeding apply failed:\n${seed.stderr}`);
    before = await pullState(workDirs[0] as string, env);

    // Both replace the holder, whose creation waits at the closed gate: whichever takes the lock
    // keeps it until the gate opens, which happens only once the other has ended. Neither waits
    // for a held lock (-lock-timeout=0s): a loser fails at its first attempt.
    gate.close();
    const started = workDirs.map((cwd) =>
      runTerraform([...APPLY, "-lock-timeout=0s", "-replace=terraform_data.holder"], { cwd, env }),
    );
    try {
      loserIndex = await firstToEnd(
        started,
        NEITHER_ENDED_MS,
        "Neither apply ended while the gate was closed: both got past the state lock",
      );
      lockWhenFirstEnded = await dynamoDbLockHolder(
        emulators,
        FIXTURE_STATE.lockTable,
        dynamoDbLockId(backend),
      );
    } finally {
      gate.open();
      runs = await Promise.all(started);
    }
    after = await pullState(workDirs[loserIndex] as string, env); // read from the other machine
  }, 60_000);

  afterAll(async () => {
    gate?.open();
    await emulators?.stop();
  });

  it("exactly one gets the lock and completes; the other fails with Terraform's lock error", () => {
    const loser = runs[loserIndex] as TerraformRun;
    const winner = runs[1 - loserIndex] as TerraformRun;
    expect({ exitCode: loser.exitCode, stdout: loser.stdout }).toEqual({
      exitCode: 1,
      stdout: "",
    });
    expect(loser.stderr).toContain(LOCK_ERROR);
    expect(winner.stderr).toBe("");
    expect(winner.exitCode).toBe(0);
    expect(winner.stdout).toContain("Apply complete! Resources: 1 added, 0 changed, 1 destroyed.");
  });

  it("fails fast: the loser ended while the winner still held the lock, and its error names that holder", () => {
    const loser = runs[loserIndex] as TerraformRun;
    expect(lockWhenFirstEnded).toMatchObject({
      Operation: "OperationTypeApply",
      Path: dynamoDbLockId(backend),
    });
    const holder = lockWhenFirstEnded as LockInfo;
    expect(loser.stderr).toMatch(lockInfoLine("ID", holder.ID));
    expect(loser.stderr).toMatch(lockInfoLine("Operation", "OperationTypeApply"));
    expect(loser.stderr).toMatch(lockInfoLine("Who", holder.Who));
    expect(loser.stderr).toContain("ConditionalCheckFailedException");
  });

  it("leaves the state intact: same lineage, the next serial, the winner's holder and the untouched seed", () => {
    const winner = runs[1 - loserIndex] as TerraformRun;
    expect(after.lineage).toBe(before.lineage);
    expect(after.serial).toBe(before.serial + 1);
    const ids = resourceIds(after);
    expect(Object.keys(ids).sort()).toEqual(["terraform_data.holder", "terraform_data.seed"]);
    expect(ids["terraform_data.seed"]).toBe(resourceIds(before)["terraform_data.seed"]);
    expect(ids["terraform_data.holder"]).toBe(createdId(winner, "terraform_data.holder"));
    expect(ids["terraform_data.holder"]).not.toBe(resourceIds(before)["terraform_data.holder"]);
  });

  it("leaves the state object readable in the bucket, matching its digest, and no lock behind", async () => {
    const object = await emulators.s3.getObject(backend.bucket, backend.key);
    expect(JSON.parse(object ?? "null")).toEqual(after);
    expect(
      await stateDigestItem(emulators, FIXTURE_STATE.lockTable, backend.bucket, backend.key),
    ).toBe(md5(object ?? ""));
    expect(
      await dynamoDbLockHolder(emulators, FIXTURE_STATE.lockTable, dynamoDbLockId(backend)),
    ).toBeUndefined();
  });
});

describe("S3 lock file (use_lockfile): written with its holder while held, removed after", () => {
  // Not mutual exclusion: s3rver ignores the conditional write that makes a lock file exclusive.
  it("holds <key>.tflock naming the apply for as long as it runs, and never touches DynamoDB", async () => {
    const dir = tempDir("locking-lockfile-");
    const gate = new Gate(join(dir, "gate"));
    const stack = fixtureStack(
      synthesizeStateFixtures(join(dir, "cdktf.out"), [{ name: "lockfile", lock: "s3", gate }]),
      "lockfile",
    );
    const backend = s3BackendOf(stack);
    expect(backend).toMatchObject({ useLockfile: true, dynamodbTable: undefined });
    const emulators = await startEmulators();
    let apply: Promise<TerraformRun> | undefined;
    try {
      const setup = await prepareOfflineRuns({ root: dir, stacks: [stack], emulators });
      await initStack(stack, join(dir, "work"), setup);
      apply = runTerraform(APPLY, { cwd: join(dir, "work"), env: setup.context.env });
      const holder = await waitFor(
        "lock file",
        () => s3LockFileHolder(emulators, backend.bucket, backend.key),
        apply,
      );
      expect(holder).toMatchObject({
        Operation: "OperationTypeApply",
        Path: `${backend.bucket}/${backend.key}`,
      });
      gate.open();
      const run = await apply;
      expect(run.stderr).toBe("");
      expect(run.exitCode).toBe(0);
      expect(await s3LockFileHolder(emulators, backend.bucket, backend.key)).toBeUndefined();
      expect(emulators.requests.filter((r) => r.service === "dynamodb")).toEqual([]);
    } finally {
      gate.open();
      await apply;
      await emulators.stop();
    }
  }, 60_000);
});
