import { synthEnvironment } from "../support/stacks";
import { logicalId, ref, type Synthesized } from "../support/synth";

const vaults = (synth: Synthesized) => Object.values(synth.resources("aws_backup_vault"));

describe.each([
  ["dev", 7],
  ["prod", 35],
])("the %s stack's backups", (name, retentionDays) => {
  const synth = synthEnvironment(name);
  const vaultId = logicalId(synth, "aws_backup_vault", "backup_vault_");

  it("go to a vault encrypted with a rotated key of its own", () => {
    const vault = synth.resources("aws_backup_vault")[vaultId];
    const keyId = logicalId(synth, "aws_kms_key", "backup_vault_key");
    expect(vault).toMatchObject({
      name: `shop-${name}-backup`,
      kms_key_arn: ref("aws_kms_key", keyId, "arn"),
    });
    expect(synth.resources("aws_kms_key")[keyId].enable_key_rotation).toBe(true);
  });

  it(`run daily and are kept ${retentionDays} days`, () => {
    const [rule] = synth.resource("aws_backup_plan").rule as Record<string, any>[];
    expect(rule).toMatchObject({
      rule_name: "daily",
      schedule: "cron(0 5 ? * * *)",
      target_vault_name: ref("aws_backup_vault", vaultId, "name"),
      lifecycle: { delete_after: retentionDays },
    });
  });

  it('select every RDS instance, DynamoDB table and EFS file system tagged Backup = "daily"', () => {
    const selection = synth.resource("aws_backup_selection");
    const partition = `\${data.aws_partition.${Object.keys(synth.json.data!.aws_partition)[0]}.partition}`;
    expect(selection.resources).toEqual([
      `arn:${partition}:rds:*:*:db:*`,
      `arn:${partition}:dynamodb:*:*:table/*`,
      `arn:${partition}:elasticfilesystem:*:*:file-system/*`,
    ]);
    expect(selection.condition).toEqual([
      { string_equals: [{ key: "aws:ResourceTag/Backup", value: "daily" }] },
    ]);
    expect(selection.iam_role_arn).toBe(
      ref("aws_iam_role", logicalId(synth, "aws_iam_role", "backup_role_"), "arn"),
    );
  });

  it("tag the database and the table for the plan, and not the read replica", () => {
    const instances = Object.values(synth.resources("aws_db_instance"));
    for (const instance of instances) {
      const expected = instance.replicate_source_db ? undefined : "daily";
      expect((instance.tags as Record<string, string>).Backup).toBe(expected);
    }
    for (const table of Object.values(synth.resources("aws_dynamodb_table"))) {
      expect(table.tags).toMatchObject({ Backup: "daily" });
    }
  });

  it("run as a role AWS Backup alone may assume, with AWS Backup's own service policies", () => {
    expect(
      Object.values(synth.resources("aws_iam_role_policy_attachment")).map((a) => a.policy_arn),
    ).toEqual([
      expect.stringMatching(/:iam::aws:policy\/service-role\/AWSBackupServiceRolePolicyForBackup$/),
      expect.stringMatching(
        /:iam::aws:policy\/service-role\/AWSBackupServiceRolePolicyForRestores$/,
      ),
    ]);
    const trust = Object.entries(synth.json.data!.aws_iam_policy_document).find(([id]) =>
      id.includes("backup_role_trust"),
    )![1];
    expect(trust.statement).toEqual([
      expect.objectContaining({
        actions: ["sts:AssumeRole"],
        principals: [{ type: "Service", identifiers: ["backup.amazonaws.com"] }],
      }),
    ]);
  });
});

describe("backup copies", () => {
  it("prod copies each recovery point to a vault of its own in us-west-2, through a second provider", () => {
    const prod = synthEnvironment("prod");
    expect(prod.json.provider!.aws).toEqual([
      expect.objectContaining({ region: "us-east-1" }),
      expect.objectContaining({ alias: "backup-copy", region: "us-west-2" }),
    ]);
    const copyVaultId = logicalId(prod, "aws_backup_vault", "backup_copy-vault_");
    const copyKeyId = logicalId(prod, "aws_kms_key", "copy-vault_key");
    expect(prod.resources("aws_backup_vault")[copyVaultId]).toMatchObject({
      provider: "aws.backup-copy",
      kms_key_arn: ref("aws_kms_key", copyKeyId, "arn"),
    });
    expect(prod.resources("aws_kms_key")[copyKeyId]).toMatchObject({
      provider: "aws.backup-copy",
      enable_key_rotation: true,
    });
    const [rule] = prod.resource("aws_backup_plan").rule as Record<string, any>[];
    expect(rule.copy_action).toEqual([
      {
        destination_vault_arn: ref("aws_backup_vault", copyVaultId, "arn"),
        lifecycle: { delete_after: 35 },
      },
    ]);
    expect(prod.json.output!.backups.value).toMatchObject({
      copy_vault_arn: ref("aws_backup_vault", copyVaultId, "arn"),
    });
  });

  it("dev has no copy, no second provider and one vault", () => {
    const dev = synthEnvironment("dev");
    expect(dev.json.provider!.aws).toHaveLength(1);
    expect(vaults(dev)).toHaveLength(1);
    expect((dev.resource("aws_backup_plan").rule as Record<string, any>[])[0].copy_action).toBe(
      undefined,
    );
  });
});
