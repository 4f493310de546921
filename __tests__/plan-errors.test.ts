import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { forgetServiceLogRetention, serviceLogRetentionReport } from "./support/policy-violation";
import { editJson, makeTempCheckout } from "./support/temp-project";

/** `npm run plan` in a checkout: its exit code and its stderr without npm's own lines. */
function plan(root: string) {
  const result = spawnSync("npm", ["run", "--silent", "plan"], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, CHECKPOINT_DISABLE: "1" },
  });
  const errors = result.stderr.split("\n").filter((line) => line && !line.startsWith("npm "));
  return { status: result.status, errors };
}

describe("npm run plan, when synthesis stops", () => {
  it("reports every security policy violation as synthesis does, and plans nothing", () => {
    const root = makeTempCheckout();
    forgetServiceLogRetention(root);
    expect(plan(root)).toEqual({ status: 1, errors: serviceLogRetentionReport("nothing planned") });
    expect(existsSync(join(root, ".offline-plan"))).toBe(false);
  });

  it("reports every configuration problem, one per line, and plans nothing", () => {
    const root = makeTempCheckout();
    editJson(root, "environments/dev.json", (env) => (env.vpc.natStrategy = "two-per-az"));
    const { status, errors } = plan(root);
    expect(status).toBe(1);
    expect(errors[0]).toBe("Synthesis stopped: 1 configuration problem(s), nothing planned.");
    expect(errors.slice(1)).toEqual([
      expect.stringMatching(/^environments\/dev\.json: \$\.vpc\.natStrategy: "two-per-az"/),
    ]);
    expect(existsSync(join(root, ".offline-plan"))).toBe(false);
  });
});
