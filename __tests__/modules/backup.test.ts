import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { BackupModule } from "../../modules/backup";
import { synthScope } from "../support/synth";

describe("BackupModule", () => {
  it("without a copy: one vault, no copy action; the trust policy pinned to the account when known", () => {
    const synth = synthScope(
      (scope) =>
        new BackupModule(scope, "backup", {
          name: "shop-dev",
          retentionDays: 7,
          accountId: "123456789012",
          forceDestroy: true,
        }),
    );
    expect(Object.keys(synth.resources("aws_backup_vault"))).toHaveLength(1);
    const [rule] = synth.resource("aws_backup_plan").rule as Record<string, any>[];
    expect(rule.copy_action).toBeUndefined();
    expect(rule.lifecycle).toEqual({ delete_after: 7 });
    const trust = Object.entries(synth.json.data!.aws_iam_policy_document).find(([id]) =>
      id.includes("trust"),
    )![1];
    expect((trust.statement as Record<string, any>[])[0].condition).toEqual([
      { test: "StringEquals", variable: "aws:SourceAccount", values: ["123456789012"] },
    ]);
  });

  it("moves recovery points to cold storage, copies them with their own retention, and selects by the tag given", () => {
    const synth = synthScope((scope) => {
      const copyProvider = new AwsProvider(scope, "copy", { region: "eu-west-1", alias: "copy" });
      new BackupModule(scope, "backup", {
        name: "shop-prod",
        retentionDays: 365,
        coldStorageAfterDays: 30,
        copy: { region: "eu-west-1", retentionDays: 90, provider: copyProvider },
        selectionTag: { key: "BackupPlan", value: "gold" },
        forceDestroy: false,
      });
    });
    const [rule] = synth.resource("aws_backup_plan").rule as Record<string, any>[];
    expect(rule.lifecycle).toEqual({ delete_after: 365, cold_storage_after: 30 });
    expect(rule.copy_action).toEqual([
      expect.objectContaining({ lifecycle: { delete_after: 90 } }),
    ]);
    expect(synth.resource("aws_backup_selection").condition).toEqual([
      { string_equals: [{ key: "aws:ResourceTag/BackupPlan", value: "gold" }] },
    ]);
  });
});
