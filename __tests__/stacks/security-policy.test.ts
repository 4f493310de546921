import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { synthesize } from "../../main";
import { PROJECT, synthEnvironment, synthStateStack } from "../support/stacks";
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

    /** The exceptions every environment carries, whatever its settings. */
    const everyEnvironment = (stack: string) => [
      `${stack}/backup/role/AWSBackupServiceRolePolicyForBackup SEC-IAM-003`,
      `${stack}/backup/role/AWSBackupServiceRolePolicyForRestores SEC-IAM-003`,
      `${stack}/alb/access-logs/bucket SEC-ENC-003`,
      `${stack}/alb/access-logs/bucket SEC-S3-003`,
      `${stack}/alb/access-logs/bucket SEC-S3-004`,
      `${stack}/alb/access-logs/bucket SEC-S3-005`,
      `${stack}/alb/load-balancer SEC-ELB-002`,
      `${stack}/static-objects/Default/bucket SEC-S3-004`,
      `${stack}/static-objects/Default/bucket SEC-S3-005`,
    ];
    /** The rules an environment's own choices may except, and whether this one made them. */
    const choices = (env: (typeof PROJECT.environments)[number]) => ({
      "SEC-DEL-001": !env.deletionProtection,
      "SEC-LOG-003": env.logRetentionDays < 365,
      "SEC-ELB-001": env.routing.certificateArn === undefined,
      "SEC-RDS-001": !env.database.multiAz,
    });
    /** Exceptions per resource of a kind: each target group, repository and database. */
    const perResource = ["SEC-ELB-003", "SEC-ECR-003", "SEC-RDS-002", "SEC-RDS-003"];

    it.each(PROJECT.environments.map((env) => [env.name, env] as const))(
      "the %s stack carries exactly the deliberate exceptions its settings call for, each with its reason",
      (stack, env) => {
        const found = suppressionsOf(stack).map(({ path, rule }) => `${path} ${rule}`);
        expect(found).toEqual(expect.arrayContaining(everyEnvironment(stack)));
        const made = choices(env);
        const others = found.filter((line) => !everyEnvironment(stack).includes(line));
        for (const line of others) {
          const rule = line.split(" ")[1];
          expect([
            line,
            perResource.includes(rule) || made[rule as keyof typeof made] === true,
          ]).toEqual([line, true]);
        }
        for (const [rule, chosen] of Object.entries(made)) {
          expect([rule, others.some((line) => line.endsWith(` ${rule}`))]).toEqual([rule, chosen]);
        }
        for (const { reason } of suppressionsOf(stack)) expect(reason.length).toBeGreaterThan(40);
      },
    );

    it("the state stack excepts only its log bucket and the replication and notifications of its state buckets", () => {
      expect(suppressionsOf("state").map(({ path, rule }) => `${path} ${rule}`)).toEqual([
        "state/state-us-east-1/access-logs/bucket SEC-ENC-003",
        "state/state-us-east-1/access-logs/bucket SEC-S3-003",
        "state/state-us-east-1/access-logs/bucket SEC-S3-004",
        "state/state-us-east-1/access-logs/bucket SEC-S3-005",
        "state/state-us-east-1/bucket-shop-terraform-state/bucket SEC-S3-004",
        "state/state-us-east-1/bucket-shop-terraform-state/bucket SEC-S3-005",
      ]);
    });
  });
});
