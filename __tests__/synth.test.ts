import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, realpathSync, rmSync } from "node:fs";
import { join } from "node:path";
import { SHARED_BUILD_CONTEXTS } from "../lib/shared-build-contexts";
import { forgetServiceLogRetention, serviceLogRetentionReport } from "./support/policy-violation";
import {
  editJson,
  makeTempCheckout,
  makeTempProject,
  REPO_ROOT,
  SYNTH_COMMAND,
} from "./support/temp-project";
import { snapshotTree } from "./support/tree-snapshot";

function synth(cwd: string) {
  const [command, ...args] = SYNTH_COMMAND;
  return spawnSync(command, args, { cwd, encoding: "utf8" });
}

describe("synthesis (npm run synth)", () => {
  it("writes exactly what the cdktf CLI's `cdktf synth` writes", () => {
    const root = makeTempProject();
    expect(synth(root).status).toBe(0);
    const ours = snapshotTree(join(root, "cdktf.out"));
    const cli = spawnSync(join(REPO_ROOT, "node_modules", ".bin", "cdktf"), ["synth"], {
      cwd: root,
      encoding: "utf8",
      env: { ...process.env, CHECKPOINT_DISABLE: "1", CI: "1" },
    });
    expect({ status: cli.status, stderr: cli.stderr }).toEqual({
      status: 0,
      stderr: expect.any(String),
    });
    expect(snapshotTree(join(root, "cdktf.out"))).toEqual(ours);
  }, 60_000);

  it("writes the state bootstrap stack and every environment's stack to cdktf.out", () => {
    const root = makeTempProject();
    const result = synth(root);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    const manifest = JSON.parse(readFileSync(join(root, "cdktf.out", "manifest.json"), "utf8"));
    expect(Object.keys(manifest.stacks).sort()).toEqual(["dev", "prod", "state"]);
    for (const stack of ["dev", "prod", "state"]) {
      expect(existsSync(join(root, "cdktf.out", "stacks", stack, "cdk.tf.json"))).toBe(true);
    }
    const state = JSON.parse(
      readFileSync(join(root, "cdktf.out", "stacks", "state", "cdk.tf.json"), "utf8"),
    );
    expect(state.terraform.backend.local.path).toBe(
      join(realpathSync(root), "terraform.state.tfstate"),
    );
  });

  it("fails on bad configuration with one line per problem, a non-zero exit, and cdktf.out untouched", () => {
    const root = makeTempProject();
    expect(synth(root).status).toBe(0);
    const before = snapshotTree(join(root, "cdktf.out"));

    editJson(root, "environments/prod.json", (env) => (env.vpc.natStrategy = "two-per-az"));
    editJson(root, "services/products/service.json", (svc) => (svc.cpu = 300));
    const result = synth(root);

    expect(result.status).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr.trim().split("\n")).toEqual([
      "Synthesis stopped: 2 configuration problem(s), nothing written.",
      "services/products/service.json: $.cpu: 300 is not allowed; expected one of 256, 512, 1024, 2048, 4096, 8192, 16384",
      'environments/prod.json: $.vpc.natStrategy: "two-per-az" is not allowed; expected one of "one-per-az", "single", "none"',
    ]);
    expect(snapshotTree(join(root, "cdktf.out"))).toEqual(before);
  });

  it("names the shared build context to restore when its folder is missing, cdktf.out untouched", () => {
    const root = makeTempProject();
    expect(synth(root).status).toBe(0);
    const before = snapshotTree(join(root, "cdktf.out"));
    const [[name, folder]] = Object.entries(SHARED_BUILD_CONTEXTS);
    rmSync(join(root, folder), { recursive: true });
    const result = synth(root);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      `${folder}/ is missing: every service image is built with it (build context "${name}", lib/shared-build-contexts.ts)`,
    );
    expect(snapshotTree(join(root, "cdktf.out"))).toEqual(before);
  });

  it("fails on a security policy violation with one line per violation, exit code 1, and cdktf.out untouched", () => {
    const root = makeTempCheckout();
    const npmSynth = () =>
      spawnSync("npm", ["run", "--silent", "synth"], {
        cwd: root,
        encoding: "utf8",
        env: { ...process.env, CHECKPOINT_DISABLE: "1" },
      });
    expect(npmSynth().status).toBe(0);
    const before = snapshotTree(join(root, "cdktf.out"));

    forgetServiceLogRetention(root);
    const result = npmSynth();

    expect(result.status).toBe(1);
    const errors = result.stderr.split("\n").filter((line) => line && !line.startsWith("npm "));
    expect(errors).toEqual(serviceLogRetentionReport("nothing written"));
    expect(snapshotTree(join(root, "cdktf.out"))).toEqual(before);
  });
});
