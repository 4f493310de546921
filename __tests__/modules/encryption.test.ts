import { CloudwatchLogGroup } from "@cdktf/provider-aws/lib/cloudwatch-log-group";
import { EncryptionModule } from "../../modules/encryption";
import { logicalId, ref, synthScope } from "../support/synth";

describe("EncryptionModule", () => {
  const synth = synthScope((scope) => {
    const encryption = new EncryptionModule(scope, "encryption", {
      name: "shop-prod",
      region: "eu-west-1",
    });
    new CloudwatchLogGroup(scope, "logs", {
      name: "/ecs/shop-prod/users",
      kmsKeyId: encryption.logsKmsKeyArn,
    });
  });
  const keyId = logicalId(synth, "aws_kms_key", "logs-key");
  const policyId = logicalId(synth, "aws_kms_key_policy", "logs-key_policy");
  const aliasId = logicalId(synth, "aws_kms_alias", "logs-key-alias");

  it("makes a logs key that rotates yearly, named alias/<name>-logs", () => {
    expect(synth.resource("aws_kms_key")).toMatchObject({
      enable_key_rotation: true,
      deletion_window_in_days: 30,
    });
    expect(synth.resource("aws_kms_alias").name).toBe("alias/shop-prod-logs");
  });

  it("lets CloudWatch Logs of its region use it for the account's own log groups only", () => {
    const document = Object.values(synth.json.data!.aws_iam_policy_document)[0] as {
      statement: Record<string, any>[];
    };
    const logs = document.statement.find((s) => s.sid === "CloudWatchLogsEncryptLogGroups")!;
    expect(logs.principals).toEqual([
      { type: "Service", identifiers: ["logs.eu-west-1.amazonaws.com"] },
    ]);
    expect(logs.actions).not.toContain("kms:*");
    const account = `\${element(split(":", aws_kms_key.${keyId}.arn), 4)}`;
    expect(logs.condition).toEqual([
      {
        test: "ArnLike",
        variable: "kms:EncryptionContext:aws:logs:arn",
        values: [
          `arn:\${element(split(":", aws_kms_key.${keyId}.arn), 1)}:logs:eu-west-1:${account}:log-group:*`,
        ],
      },
    ]);
  });

  it("gives log groups the key's ARN only once its policy is attached (through the alias)", () => {
    expect(synth.resource("aws_kms_key_policy").key_id).toBe(ref("aws_kms_key", keyId, "key_id"));
    expect(synth.resource("aws_kms_alias").target_key_id).toBe(
      ref("aws_kms_key_policy", policyId, "key_id"),
    );
    expect(synth.resource("aws_cloudwatch_log_group").kms_key_id).toBe(
      ref("aws_kms_alias", aliasId, "target_key_arn"),
    );
  });

  it("keeps the state of the key policy it attached before the key construct existed", () => {
    expect((synth.json as any).moved).toEqual([
      {
        from: expect.stringMatching(/^aws_kms_key_policy\.encryption_logs-key-policy_[0-9A-F]{8}$/),
        to: `aws_kms_key_policy.${policyId}`,
      },
    ]);
  });

  it("lets the account's principals administer and use the key as their IAM policies allow", () => {
    const document = Object.values(synth.json.data!.aws_iam_policy_document)[0] as {
      statement: Record<string, any>[];
    };
    expect(document.statement.map((s) => s.sid)).toEqual([
      "AccountPrincipalsThroughIam",
      "CloudWatchLogsEncryptLogGroups",
    ]);
  });
});
