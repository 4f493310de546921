import { DataAwsIamPolicyDocument } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";
import { S3Bucket } from "@cdktf/provider-aws/lib/s3-bucket";
import { S3BucketLifecycleConfiguration } from "@cdktf/provider-aws/lib/s3-bucket-lifecycle-configuration";
import { S3BucketOwnershipControls } from "@cdktf/provider-aws/lib/s3-bucket-ownership-controls";
import { S3BucketPolicy } from "@cdktf/provider-aws/lib/s3-bucket-policy";
import { S3BucketPublicAccessBlock } from "@cdktf/provider-aws/lib/s3-bucket-public-access-block";
import { S3BucketServerSideEncryptionConfigurationA } from "@cdktf/provider-aws/lib/s3-bucket-server-side-encryption-configuration";
import { S3BucketVersioningA } from "@cdktf/provider-aws/lib/s3-bucket-versioning";
import type { TerraformProvider } from "cdktf";
import { Construct } from "constructs";
import { tlsOnlyStatements } from "../../lib/s3-tls-only";

export interface StateBucketProps {
  readonly bucketName: string;
  /** The key every object is encrypted with by default. */
  readonly kmsKeyArn: string;
  /** Days a replaced state version is kept. */
  readonly noncurrentVersionDays: number;
  /** Replaced state versions kept whatever their age. */
  readonly newerNoncurrentVersions: number;
  /** Days before an unfinished multipart upload is cleaned up. */
  readonly abortIncompleteUploadDays: number;
  readonly provider?: TerraformProvider;
}

/**
 * A bucket for Terraform state: versioned, encrypted with a customer managed key by default,
 * private (public access blocked, ACLs disabled), reachable over TLS 1.2+ only, with old versions
 * and unfinished uploads cleaned up, and protected from `terraform destroy`.
 */
export class StateBucket extends Construct {
  public readonly bucketName: string;
  public readonly bucketArn: string;

  constructor(scope: Construct, id: string, props: StateBucketProps) {
    super(scope, id);
    const { provider } = props;

    const bucket = new S3Bucket(this, "bucket", {
      provider,
      bucket: props.bucketName,
      forceDestroy: false,
      // Every environment's state lives here: Terraform refuses a plan that would delete it.
      lifecycle: { preventDestroy: true },
      tags: { Name: props.bucketName },
    });
    const versioning = new S3BucketVersioningA(this, "versioning", {
      provider,
      bucket: bucket.id,
      versioningConfiguration: { status: "Enabled" },
    });
    new S3BucketServerSideEncryptionConfigurationA(this, "encryption", {
      provider,
      bucket: bucket.id,
      rule: [
        {
          applyServerSideEncryptionByDefault: {
            sseAlgorithm: "aws:kms",
            kmsMasterKeyId: props.kmsKeyArn,
          },
          bucketKeyEnabled: true,
        },
      ],
    });
    const publicAccessBlock = new S3BucketPublicAccessBlock(this, "public-access-block", {
      provider,
      bucket: bucket.id,
      blockPublicAcls: true,
      blockPublicPolicy: true,
      ignorePublicAcls: true,
      restrictPublicBuckets: true,
    });
    new S3BucketOwnershipControls(this, "ownership", {
      provider,
      bucket: bucket.id,
      rule: { objectOwnership: "BucketOwnerEnforced" },
    });

    const policy = new DataAwsIamPolicyDocument(this, "policy-document", {
      provider,
      // A deny for every S3 action: whatever the request, plain HTTP and TLS < 1.2 are refused.
      statement: tlsOnlyStatements(bucket.arn),
    });
    new S3BucketPolicy(this, "policy", {
      provider,
      bucket: bucket.id,
      policy: policy.json,
      // S3 rejects a policy change while the public access block is still being applied.
      dependsOn: [publicAccessBlock],
    });

    new S3BucketLifecycleConfiguration(this, "lifecycle", {
      provider,
      bucket: bucket.id,
      rule: [
        {
          id: "expire-old-state-versions",
          status: "Enabled",
          filter: [{ prefix: "" }],
          noncurrentVersionExpiration: [
            {
              noncurrentDays: props.noncurrentVersionDays,
              newerNoncurrentVersions: props.newerNoncurrentVersions,
            },
          ],
          abortIncompleteMultipartUpload: [
            { daysAfterInitiation: props.abortIncompleteUploadDays },
          ],
        },
      ],
      // Rules about noncurrent versions apply once versioning is on.
      dependsOn: [versioning],
    });

    this.bucketName = bucket.bucket;
    this.bucketArn = bucket.arn;
  }
}
