import { blocksOf } from "../inventory";
import { defineRule } from "../rule";

/**
 * DynamoDB tables are encrypted with a KMS key (not only the AWS owned key).
 *
 * References: checkov CKV_AWS_119; trivy AVD-AWS-0025 (aws-dynamodb-table-customer-key);
 * cdk-nag has no table encryption rule (DynamoDB always encrypts with at least an AWS owned key).
 */
export const dynamodbEncryption = defineRule({
  id: "SEC-ENC-002",
  title: "DynamoDB table not encrypted with KMS",
  references: { checkov: ["CKV_AWS_119"], trivy: ["AVD-AWS-0025"], cdkNag: [] },
  fix: "set server_side_encryption { enabled = true, kms_key_arn = <a customer managed key> }",
  appliesTo: ["aws_dynamodb_table"],
  check({ attributes }) {
    const encryption = blocksOf(attributes.server_side_encryption)[0];
    if (encryption?.enabled !== true) {
      return [{ problem: "server_side_encryption is not enabled (AWS owned key only)" }];
    }
    return [];
  },
});
