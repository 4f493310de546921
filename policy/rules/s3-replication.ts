import { defineRule } from "../rule";
import { bucketConfigurations } from "./s3-buckets";

/**
 * A bucket is copied to another region (cross-region replication), so a regional outage or a
 * lost region does not lose its objects. Buckets that do not need it say why, where they are made.
 *
 * References: checkov CKV_AWS_144; trivy has no rule; cdk-nag S3BucketReplicationEnabled (NIST
 * and HIPAA packs, not AwsSolutions).
 */
export const s3Replication = defineRule({
  id: "SEC-S3-004",
  title: "S3 bucket without cross-region replication",
  references: { checkov: ["CKV_AWS_144"], trivy: [], cdkNag: ["S3BucketReplicationEnabled"] },
  fix: "add an aws_s3_bucket_replication_configuration to a versioned bucket of another region, or suppress with the reason the objects need no second region",
  appliesTo: ["aws_s3_bucket"],
  check(bucket, inventory) {
    const replicated =
      bucketConfigurations(bucket, inventory, "aws_s3_bucket_replication_configuration").length > 0;
    return replicated ? [] : [{ problem: "has no cross-region replication" }];
  },
});
