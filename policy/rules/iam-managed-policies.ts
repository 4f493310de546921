import { stringsOf } from "../inventory";
import { defineRule } from "../rule";

const ATTACHMENTS: Readonly<Record<string, string>> = {
  aws_iam_role_policy_attachment: "policy_arn",
  aws_iam_policy_attachment: "policy_arn",
  aws_iam_user_policy_attachment: "policy_arn",
  aws_iam_group_policy_attachment: "policy_arn",
  aws_iam_role: "managed_policy_arns",
};

const AWS_MANAGED = /^arn:[^:]+:iam::aws:policy\/(.+)$/;

/**
 * Roles carry permissions written for them, not AWS managed policies (broad, and changed by AWS
 * without review). An AWS service role whose managed policy AWS maintains for exactly that
 * service is the exception, suppressed in code with its reason.
 *
 * References: checkov CKV_AWS_274 (AdministratorAccess); cdk-nag AwsSolutions-IAM4; trivy has no
 * such rule.
 */
export const iamManagedPolicies = defineRule({
  id: "SEC-IAM-003",
  title: "AWS managed policy attached",
  references: { checkov: ["CKV_AWS_274"], trivy: [], cdkNag: ["AwsSolutions-IAM4"] },
  fix: "grant what the role needs in a policy document of its own",
  appliesTo: Object.keys(ATTACHMENTS),
  check({ type, attributes }) {
    return stringsOf(attributes[ATTACHMENTS[type]]).flatMap((arn) => {
      const name = AWS_MANAGED.exec(arn)?.[1];
      return name ? [{ problem: `attaches the AWS managed policy ${name}`, subject: name }] : [];
    });
  },
});
