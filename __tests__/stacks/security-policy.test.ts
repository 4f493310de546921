import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { synthesize } from "../../main";
import { synthEnvironment, synthStateStack } from "../support/stacks";
import { logicalId, ref } from "../support/synth";

describe("the repository's stacks under the security policy", () => {
  it.each(["dev", "prod"])("the %s stack passes", (name) => {
    expect(() => synthEnvironment(name)).not.toThrow();
  });

  it.each(["dev", "prod"])(
    "every log group of the %s stack (services, databases, flow logs, WAF) uses the environment's logs key",
    (name) => {
      const synth = synthEnvironment(name);
      const logsKey = ref(
        "aws_kms_alias",
        logicalId(synth, "aws_kms_alias", "encryption_logs-key-alias"),
        "target_key_arn",
      );
      const groups = Object.values(synth.resources("aws_cloudwatch_log_group"));
      expect(groups.map((g) => g.name)).toEqual(
        expect.arrayContaining([
          `/aws/vpc/flow-logs/shop-${name}`,
          `aws-waf-logs-shop-${name}`,
          `/ecs/shop-${name}/users`,
          `/aws/rds/instance/shop-${name}-users/postgresql`,
        ]),
      );
      for (const group of groups)
        expect([group.name, group.kms_key_id]).toEqual([group.name, logsKey]);
    },
  );

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
          `${stack}/alb/access-logs/bucket SEC-ENC-003`,
        ]);
        for (const { reason } of suppressionsOf(stack)) expect(reason.length).toBeGreaterThan(40);
      },
    );

    it("the state stack needs no exception", () => {
      expect(suppressionsOf("state")).toEqual([]);
    });
  });
});
