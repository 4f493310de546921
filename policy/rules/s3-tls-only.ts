import { statementsIn, type PolicyStatement } from "../policy-documents";
import { defineRule } from "../rule";
import { bucketConfigurations } from "./s3-buckets";

function deniesPlainHttp(statement: PolicyStatement): boolean {
  return (
    statement.effect === "Deny" &&
    statement.actions.some((action) => action === "s3:*" || action === "*") &&
    statement.conditions.some(
      (c) =>
        c.test === "Bool" && c.variable === "aws:SecureTransport" && c.values.includes("false"),
    )
  );
}

/**
 * Every bucket refuses requests without TLS: its bucket policy denies s3:* when
 * aws:SecureTransport is false.
 *
 * References: cdk-nag AwsSolutions-S10, S3BucketSSLRequestsOnly; AWS Security Hub S3.5 (checkov
 * and trivy have no Terraform rule for it).
 */
export const s3TlsOnly = defineRule({
  id: "SEC-S3-002",
  title: "S3 bucket accepts plain HTTP",
  references: { checkov: [], trivy: [], cdkNag: ["AwsSolutions-S10", "S3BucketSSLRequestsOnly"] },
  fix: 'add a bucket policy statement that denies "s3:*" to every principal when aws:SecureTransport is "false"',
  appliesTo: ["aws_s3_bucket"],
  check(bucket, inventory) {
    const policies = bucketConfigurations(bucket, inventory, "aws_s3_bucket_policy");
    if (policies.length === 0) return [{ problem: "has no bucket policy" }];
    const denies = policies.some((policy) =>
      (statementsIn(policy.attributes.policy, inventory) ?? []).some(deniesPlainHttp),
    );
    return denies
      ? []
      : [
          {
            problem: "its bucket policy does not deny requests where aws:SecureTransport is false",
          },
        ];
  },
});
