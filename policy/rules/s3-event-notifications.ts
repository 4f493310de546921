import { defineRule } from "../rule";
import { bucketConfigurations } from "./s3-buckets";

/**
 * A bucket tells someone when its objects change (S3 event notifications). Buckets whose object
 * events nothing in the system reacts to say so, where they are made.
 *
 * References: checkov CKV2_AWS_62; trivy and cdk-nag have no rule.
 */
export const s3EventNotifications = defineRule({
  id: "SEC-S3-005",
  title: "S3 bucket without event notifications",
  references: { checkov: ["CKV2_AWS_62"], trivy: [], cdkNag: [] },
  fix: "add an aws_s3_bucket_notification for the events a consumer reacts to, or suppress with the reason nothing does",
  appliesTo: ["aws_s3_bucket"],
  check(bucket, inventory) {
    const notified =
      bucketConfigurations(bucket, inventory, "aws_s3_bucket_notification").length > 0;
    return notified ? [] : [{ problem: "has no event notifications" }];
  },
});
