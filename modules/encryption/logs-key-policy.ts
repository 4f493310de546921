import type { DataAwsIamPolicyDocumentStatement } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";

/** Where the logs key lives: the parts of its ARN its policy names. */
export interface KeyLocation {
  readonly partition: string;
  readonly region: string;
  readonly account: string;
}

/** The sid of the key policy statement that lets the account's IAM policies govern the key. */
export const IAM_DELEGATION_SID = "EnableIamPolicies";

/**
 * The logs key's policy: the account's IAM policies govern the key (AWS's default statement;
 * without it no one could manage the key), and CloudWatch Logs of the key's region may use it for
 * the account's own log groups only (the encryption context names the log group).
 */
export function logsKeyStatements(at: KeyLocation): DataAwsIamPolicyDocumentStatement[] {
  return [
    {
      sid: IAM_DELEGATION_SID,
      principals: [{ type: "AWS", identifiers: [`arn:${at.partition}:iam::${at.account}:root`] }],
      actions: ["kms:*"],
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
