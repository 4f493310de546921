import { blocksOf } from "../inventory";
import { defineRule } from "../rule";
import { bucketConfigurations } from "./s3-buckets";

/**
 * Every bucket records who did what to its objects: server access logs delivered to a log bucket
 * (an aws_s3_bucket_logging, or the bucket's own `logging` block). A log bucket itself is the
 * deliberate exception, suppressed where it is made.
 *
 * References: checkov CKV_AWS_18; trivy AVD-AWS-0089 (aws-s3-enable-bucket-logging); cdk-nag
 * AwsSolutions-S1, S3BucketLoggingEnabled.
 */
export const s3AccessLogging = defineRule({
  id: "SEC-S3-003",
  title: "S3 bucket without server access logging",
  references: {
    checkov: ["CKV_AWS_18"],
    trivy: ["AVD-AWS-0089"],
    cdkNag: ["AwsSolutions-S1", "S3BucketLoggingEnabled"],
  },
  fix: "add an aws_s3_bucket_logging whose target_bucket is the stack's log bucket",
  appliesTo: ["aws_s3_bucket"],
  check(bucket, inventory) {
    const logged =
      bucketConfigurations(bucket, inventory, "aws_s3_bucket_logging").some(
        ({ attributes }) => typeof attributes.target_bucket === "string",
      ) || blocksOf(bucket.attributes.logging).some((block) => block.target_bucket);
    return logged ? [] : [{ problem: "has no server access logging" }];
  },
});
