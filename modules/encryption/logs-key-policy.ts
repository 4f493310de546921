import type { DataAwsIamPolicyDocumentStatement } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";
import { KEY_ACCOUNT_ACTIONS } from "../../lib/kms-key-account-actions";

/** Where the logs key lives: the parts of its ARN its policy names. */
export interface KeyLocation {
  readonly partition: string;
  readonly region: string;
  readonly account: string;
}

/**
 * The logs key's policy: the account's principals may administer and use the key through their
 * IAM policies (AWS's default statement, with the actions spelled out rather than "kms:*"), and
 * CloudWatch Logs of the key's region may use it for the account's own log groups only (the
 * encryption context names the log group).
 */
export function logsKeyStatements(at: KeyLocation): DataAwsIamPolicyDocumentStatement[] {
  return [
    {
      sid: "AccountPrincipalsThroughIam",
      principals: [{ type: "AWS", identifiers: [`arn:${at.partition}:iam::${at.account}:root`] }],
      actions: [...KEY_ACCOUNT_ACTIONS],
      resources: ["*"],
    },
    {
      sid: "CloudWatchLogsEncryptLogGroups",
      principals: [{ type: "Service", identifiers: [`logs.${at.region}.amazonaws.com`] }],
      actions: [
        "kms:Encrypt",
        "kms:Decrypt",
        "kms:ReEncryptFrom",
        "kms:ReEncryptTo",
        "kms:GenerateDataKey",
        "kms:GenerateDataKeyWithoutPlaintext",
        "kms:DescribeKey",
      ],
      resources: ["*"],
      condition: [
        {
          test: "ArnLike",
          variable: "kms:EncryptionContext:aws:logs:arn",
          values: [`arn:${at.partition}:logs:${at.region}:${at.account}:log-group:*`],
        },
      ],
    },
  ];
}
