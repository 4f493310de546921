import { statementsIn, type PolicyStatement } from "../policy-documents";
import { defineRule, type Finding } from "../rule";

const deniesPlainHttp = (statement: PolicyStatement) =>
  statement.effect === "Deny" &&
  statement.conditions.some(
    (c) => c.test === "Bool" && c.variable === "aws:SecureTransport" && c.values.includes("false"),
  );

/**
 * SNS topics are encrypted with a customer managed key and refuse publications over plain HTTP.
 *
 * References: checkov CKV_AWS_26; trivy AVD-AWS-0095 (aws-sns-enable-topic-encryption),
 * AVD-AWS-0136 (aws-sns-topic-encryption-use-cmk); cdk-nag AwsSolutions-SNS2, AwsSolutions-SNS3.
 */
export const snsTopics = defineRule({
  id: "SEC-SNS-001",
  title: "SNS topic not encrypted or not TLS-only",
  references: {
    checkov: ["CKV_AWS_26"],
    trivy: ["AVD-AWS-0095", "AVD-AWS-0136"],
    cdkNag: ["AwsSolutions-SNS2", "AwsSolutions-SNS3"],
  },
  fix: 'set kms_master_key_id to a customer managed key, and give the topic a policy that denies sns:Publish when aws:SecureTransport is "false"',
  appliesTo: ["aws_sns_topic"],
  check(topic, inventory) {
    const findings: Finding[] = [];
    const key = topic.attributes.kms_master_key_id;
    if (typeof key !== "string" || key === "" || key === "alias/aws/sns") {
      findings.push({ problem: "is not encrypted with a customer managed key" });
    }
    const policies = [
      ...inventory.attachedTo("aws_sns_topic_policy", "arn", topic),
      ...(typeof topic.attributes.policy === "string" ? [topic] : []),
    ];
    const tlsOnly = policies.some((policy) =>
      (statementsIn(policy.attributes.policy, inventory) ?? []).some(deniesPlainHttp),
    );
    if (!tlsOnly)
      findings.push({ problem: "its policy does not deny publications over plain HTTP" });
    return findings;
  },
});
