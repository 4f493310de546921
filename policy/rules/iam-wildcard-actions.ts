import { policiesOf } from "../policy-documents";
import { defineRule, type Finding } from "../rule";

const POLICY_TYPES = [
  "data.aws_iam_policy_document",
  "aws_iam_role",
  "aws_iam_role_policy",
  "aws_iam_policy",
  "aws_iam_user_policy",
  "aws_iam_group_policy",
  "aws_kms_key",
  "aws_kms_key_policy",
  "aws_s3_bucket_policy",
  "aws_sns_topic",
  "aws_sns_topic_policy",
  "aws_sqs_queue_policy",
  "aws_ecr_repository_policy",
  "aws_efs_file_system_policy",
  "aws_backup_vault_policy",
  "aws_secretsmanager_secret_policy",
  "aws_cloudwatch_log_resource_policy",
];

/** The element types whose policies the IAM rules read. */
export const IAM_POLICY_TYPES: readonly string[] = POLICY_TYPES;

/**
 * Every allowed action is named: no "*" in an Allow statement's actions, and no NotAction
 * (which allows everything else). A Deny may use wildcards: it only takes away. A policy the
 * policy cannot read (neither a policy document nor JSON) is a finding too.
 *
 * References: checkov CKV_AWS_1 (admin "*:*"), CKV_AWS_49, CKV_AWS_63; trivy AVD-AWS-0057
 * (aws-iam-no-policy-wildcards); cdk-nag AwsSolutions-IAM5.
 */
export const iamWildcardActions = defineRule({
  id: "SEC-IAM-001",
  title: "IAM policy allows wildcard actions",
  references: {
    checkov: ["CKV_AWS_1", "CKV_AWS_49", "CKV_AWS_63"],
    trivy: ["AVD-AWS-0057"],
    cdkNag: ["AwsSolutions-IAM5"],
  },
  fix: "list the actions the principal needs, e.g. s3:GetObject instead of s3:*",
  appliesTo: POLICY_TYPES,
  check(element, inventory) {
    return policiesOf(element, inventory).flatMap(({ attribute, statements }): Finding[] => {
      if (!statements) {
        return [
          {
            problem: `${attribute} is neither a policy document nor policy JSON, so it cannot be checked`,
            fix: "write it as an aws_iam_policy_document data source and use its json",
          },
        ];
      }
      return statements
        .filter((statement) => statement.effect === "Allow")
        .flatMap((statement): Finding[] => {
          const wildcards = statement.actions.filter((action) => action.includes("*"));
          return [
            ...(wildcards.length > 0
              ? [
                  {
                    problem: `statement "${statement.label}" allows ${wildcards.join(", ")}`,
                    subject: statement.label,
                  },
                ]
              : []),
            ...(statement.notActions.length > 0
              ? [
                  {
                    problem: `statement "${statement.label}" allows every action but ${statement.notActions.join(", ")} (NotAction)`,
                    subject: statement.label,
                  },
                ]
              : []),
          ];
        });
    });
  },
});
