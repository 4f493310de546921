import { blocksOf } from "../inventory";
import { defineRule, type Finding } from "../rule";
import { bucketConfigurations } from "./s3-buckets";

const KMS_ALGORITHMS = ["aws:kms", "aws:kms:dsse"];

/**
 * Every S3 bucket encrypts new objects with a KMS key by default.
 *
 * References: checkov CKV_AWS_145 (KMS by default), CKV_AWS_19; trivy AVD-AWS-0088
 * (aws-s3-enable-bucket-encryption), AVD-AWS-0132 (aws-s3-encryption-customer-key); cdk-nag
 * S3BucketServerSideEncryptionEnabled, S3DefaultEncryptionKMS (NIST 800-53 packs).
 */
export const s3Encryption = defineRule({
  id: "SEC-ENC-003",
  title: "S3 bucket not encrypted with KMS",
  references: {
    checkov: ["CKV_AWS_145", "CKV_AWS_19"],
    trivy: ["AVD-AWS-0088", "AVD-AWS-0132"],
    cdkNag: ["S3BucketServerSideEncryptionEnabled", "S3DefaultEncryptionKMS"],
  },
  fix: 'add an aws_s3_bucket_server_side_encryption_configuration with sse_algorithm "aws:kms" and a customer managed kms_master_key_id',
  appliesTo: ["aws_s3_bucket"],
  check(bucket, inventory) {
    const configurations = [
      ...bucketConfigurations(
        bucket,
        inventory,
        "aws_s3_bucket_server_side_encryption_configuration",
      ),
      ...blocksOf(bucket.attributes.server_side_encryption_configuration).map((inline) => ({
        attributes: inline,
      })),
    ];
    if (configurations.length === 0) {
      return [{ problem: "has no server-side encryption configuration" }];
    }
    return configurations.flatMap(({ attributes }) =>
      blocksOf(attributes.rule).flatMap((rule): Finding[] => {
        const algorithm = blocksOf(rule.apply_server_side_encryption_by_default)[0]?.sse_algorithm;
        return KMS_ALGORITHMS.includes(String(algorithm))
          ? []
          : [{ problem: `encrypts objects with ${String(algorithm)} (SSE-S3), not with KMS` }];
      }),
    );
  },
});
