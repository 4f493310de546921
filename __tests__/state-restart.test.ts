// State written through the S3 backend survives the stand-ins: applied against s3rver and dynalite,
// both stopped, both started again on the same data folder (on new ports), the backend
// re-initialized for the new endpoints, and the same state read back.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { startEmulators, type Emulators } from "../lib/emulators";
import { prepareOfflineRuns } from "../lib/offline-plan/offline-setup";
import type { S3BackendSettings } from "../lib/offline-plan/s3-backend";
import type { SynthesizedStack } from "../lib/offline-plan/synthesized-stack";
import { runTerraform, type TerraformRun } from "../lib/offline-plan/terraform-process";
import { initStack, s3BackendOf } from "./support/offline-stack";
import { FIXTURE_STATE, fixtureStack, synthesizeStateFixtures } from "./support/state-fixtures";
import { tempDir } from "./support/temp-dir";
import {
  md5,
  pullState,
  resourceIds,
  stateDigestItem,
  type TerraformState,
} from "./support/terraform-state";

interface Session {
  readonly emulators: Emulators;
  readonly env: NodeJS.ProcessEnv;
}

/** Starts the stand-ins on `dataDir` and initializes `workDir`'s backend for their endpoints. */
async function openSession(
  root: string,
  dataDir: string,
  stack: SynthesizedStack,
  workDir: string,
): Promise<Session> {
  const emulators = await startEmulators({ dataDir });
  try {
    const setup = await prepareOfflineRuns({ root, stacks: [stack], emulators });
    await initStack(stack, workDir, setup);
    return { emulators, env: setup.context.env };
  } catch (error) {
    await emulators.stop();
    throw error;
  }
}

/** The backend settings `terraform init` recorded in the working directory. */
function initializedBackend(workDir: string): { config: Record<string, unknown> } {
  const recorded = JSON.parse(
    readFileSync(join(workDir, ".terraform", "terraform.tfstate"), "utf8"),
  );
  return recorded.backend;
}

describe("state across a restart of the stand-ins on the same data folder", () => {
  let backend: S3BackendSettings;
  let applied: TerraformRun;
  let written: TerraformState;
  let writtenObject: string | undefined;
  let secondEndpoints: Emulators["endpoints"];
  let backendEndpointsAfter: unknown;
  let read: TerraformState;
  let readObject: string | undefined;
  let digestAfter: string | undefined;
  let planAfter: TerraformRun;
  let stateReadsAfter: number;

  beforeAll(async () => {
    const dir = tempDir("state-restart-");
    const dataDir = join(dir, "emulator-data");
    const workDir = join(dir, "work");
    const stack = fixtureStack(
      synthesizeStateFixtures(join(dir, "cdktf.out"), [{ name: "restart", lock: "dynamodb" }]),
      "restart",
    );
    backend = s3BackendOf(stack);

    const first = await openSession(dir, dataDir, stack, workDir);
    try {
      applied = await runTerraform(["apply", "-auto-approve", "-input=false", "-no-color"], {
        cwd: workDir,
        env: first.env,
      });
      written = await pullState(workDir, first.env);
      writtenObject = await first.emulators.s3.getObject(backend.bucket, backend.key);
    } finally {
      await first.emulators.stop();
    }

    const second = await openSession(dir, dataDir, stack, workDir);
    try {
      secondEndpoints = second.emulators.endpoints;
      backendEndpointsAfter = initializedBackend(workDir).config.endpoints;
      read = await pullState(workDir, second.env);
      readObject = await second.emulators.s3.getObject(backend.bucket, backend.key);
      digestAfter = await stateDigestItem(
        second.emulators,
        FIXTURE_STATE.lockTable,
        backend.bucket,
        backend.key,
      );
      planAfter = await runTerraform(
        ["plan", "-input=false", "-no-color", "-detailed-exitcode", "-lock-timeout=0s"],
        { cwd: workDir, env: second.env },
      );
      const stateObject = `/${backend.bucket}/${backend.key}`;
      stateReadsAfter = second.emulators.requests.filter(
        (r) => r.service === "s3" && r.method === "GET" && r.path.split("?")[0] === stateObject,
      ).length;
    } finally {
      await second.emulators.stop();
    }
  }, 60_000);

  it("wrote the state through the backend", () => {
    expect(applied.stderr).toBe("");
    expect(applied.exitCode).toBe(0);
    expect(Object.keys(resourceIds(written))).toEqual(["terraform_data.seed"]);
    expect(JSON.parse(writtenObject ?? "null")).toEqual(written);
  });

  it("reads the same state back from the restarted stand-ins: lineage, serial and resources", () => {
    expect(backendEndpointsAfter).toMatchObject(secondEndpoints);
    expect(stateReadsAfter).toBeGreaterThan(0);
    expect({ lineage: read.lineage, serial: read.serial }).toEqual({
      lineage: written.lineage,
      serial: written.serial,
    });
    expect(resourceIds(read)).toEqual(resourceIds(written));
    expect(read).toEqual(written);
    expect(readObject).toBe(writtenObject);
  });

  it("keeps the state's digest in the lock table, so Terraform trusts the object it reads", () => {
    expect(digestAfter).toBe(md5(writtenObject ?? ""));
  });

  it("plans no changes after the restart: the restored state is the one Terraform applied", () => {
    expect(planAfter.stderr).toBe("");
    expect(planAfter.exitCode).toBe(0); // -detailed-exitcode: 2 would mean changes
    expect(planAfter.stdout).toContain("No changes.");
  });
});
