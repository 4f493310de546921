import type { DataAwsIamPolicyDocumentStatement } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";
import type { KeyLocation } from "../../constructs";

/**
 * CloudWatch Logs of the key's region may use the logs key for the account's own log groups only:
 * the encryption context of every call names the log group, and the condition names the account.
 */
export function logsKeyStatements(at: KeyLocation): DataAwsIamPolicyDocumentStatement[] {
  return [
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
