import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { synthesize } from "../../main";
import { synthEnvironment, synthStateStack } from "../support/stacks";

describe("the repository's stacks under the security policy", () => {
  it.each(["dev", "prod"])("the %s stack passes", (name) => {
    expect(() => synthEnvironment(name)).not.toThrow();
  });

  it("the state stack passes", () => {
    expect(() => synthStateStack()).not.toThrow();
  });

  describe("as synthesized into cdktf.out", () => {
    const outdir = join(mkdtempSync(join(tmpdir(), "policy-stacks-")), "cdktf.out");
    synthesize(".", outdir);
    const suppressionsOf = (stack: string): { path: string; rule: string; reason: string }[] =>
      JSON.parse(readFileSync(join(outdir, "stacks", stack, "cdk.tf.json"), "utf8"))["//"]
        .security_policy?.suppressed ?? [];

    it.each(["dev", "prod"])(
      "the %s stack carries exactly the deliberate exceptions, each with its reason",
      (stack) => {
        expect(suppressionsOf(stack).map(({ path, rule }) => `${path} ${rule}`)).toEqual([
          `${stack}/backup/role/AWSBackupServiceRolePolicyForBackup SEC-IAM-003`,
          `${stack}/backup/role/AWSBackupServiceRolePolicyForRestores SEC-IAM-003`,
        ]);
        for (const { reason } of suppressionsOf(stack)) expect(reason.length).toBeGreaterThan(40);
      },
    );

    it("the state stack needs no exception", () => {
      expect(suppressionsOf("state")).toEqual([]);
    });
  });
});
