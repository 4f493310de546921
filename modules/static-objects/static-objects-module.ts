import { DataAwsIamPolicyDocument } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";
import { KmsAlias } from "@cdktf/provider-aws/lib/kms-alias";
import { KmsKey } from "@cdktf/provider-aws/lib/kms-key";
import { S3Bucket } from "@cdktf/provider-aws/lib/s3-bucket";
import { S3BucketLifecycleConfiguration } from "@cdktf/provider-aws/lib/s3-bucket-lifecycle-configuration";
import { S3BucketOwnershipControls } from "@cdktf/provider-aws/lib/s3-bucket-ownership-controls";
import { S3BucketPolicy } from "@cdktf/provider-aws/lib/s3-bucket-policy";
import { S3BucketPublicAccessBlock } from "@cdktf/provider-aws/lib/s3-bucket-public-access-block";
import { S3BucketServerSideEncryptionConfigurationA } from "@cdktf/provider-aws/lib/s3-bucket-server-side-encryption-configuration";
import { S3BucketVersioningA } from "@cdktf/provider-aws/lib/s3-bucket-versioning";
import { Construct } from "constructs";
import { staticObjectsNames } from "../../lib/names/static-objects";
import { tlsOnlyStatements } from "../../lib/s3-tls-only";

export interface StaticObjectsModuleProps {
  /**
   * Prefix of the bucket's name and key alias, e.g. "shop-prod": the bucket is named
   * "shop-prod-static-" plus a unique suffix Terraform picks (bucket names are global).
   */
  readonly name: string;
  /**
   * Refuse to destroy the bucket (`prevent_destroy`); when off, `terraform destroy` empties and
   * deletes it.
   */
  readonly deletionProtection: boolean;
  /** Days a replaced or deleted object version is kept. @default 30 */
  readonly noncurrentVersionDays?: number;
  /** Days before an unfinished multipart upload is cleaned up. @default 7 */
  readonly abortIncompleteUploadDays?: number;
}

/**
 * The environment's bucket for static objects (images, documents): private (all four public
 * access blocks, ACLs disabled), encrypted with a key of its own (rotated yearly) through an S3
 * bucket key, versioned with old versions expired, reachable over TLS 1.2+ only. Services that
 * declare `staticObjects` in their manifest get its name and least-privilege access to it.
 */
export class StaticObjectsModule extends Construct {
  public readonly bucketName: string;
  public readonly bucketArn: string;
  public readonly bucketRegionalDomainName: string;
  /** The key that encrypts the objects: readers need kms:Decrypt, writers kms:GenerateDataKey too. */
  public readonly kmsKeyArn: string;

  constructor(scope: Construct, id: string, props: StaticObjectsModuleProps) {
    super(scope, id);
    const { deletionProtection } = props;
    const names = staticObjectsNames(props.name);

    const key = new KmsKey(this, "key", {
      description: `Encrypts the static objects of ${props.name}`,
      enableKeyRotation: true,
      deletionWindowInDays: 30,
    });
    new KmsAlias(this, "key-alias", {
      name: names.keyAlias,
      targetKeyId: key.keyId,
    });

    const bucket = new S3Bucket(this, "bucket", {
      bucketPrefix: names.bucketPrefix,
      forceDestroy: !deletionProtection,
      lifecycle: { preventDestroy: deletionProtection },
      tags: { Name: `${props.name}-static` },
    });
    const versioning = new S3BucketVersioningA(this, "versioning", {
      bucket: bucket.id,
      versioningConfiguration: { status: "Enabled" },
    });
    new S3BucketServerSideEncryptionConfigurationA(this, "encryption", {
      bucket: bucket.id,
      rule: [
        {
          applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: key.arn },
          // One data key per bucket instead of one KMS call per object.
          bucketKeyEnabled: true,
        },
      ],
    });
    const publicAccessBlock = new S3BucketPublicAccessBlock(this, "public-access-block", {
      bucket: bucket.id,
      blockPublicAcls: true,
      blockPublicPolicy: true,
      ignorePublicAcls: true,
      restrictPublicBuckets: true,
    });
    new S3BucketOwnershipControls(this, "ownership", {
      bucket: bucket.id,
      rule: { objectOwnership: "BucketOwnerEnforced" },
    });
    const policy = new DataAwsIamPolicyDocument(this, "policy-document", {
      statement: tlsOnlyStatements(bucket.arn),
    });
    new S3BucketPolicy(this, "policy", {
      bucket: bucket.id,
      policy: policy.json,
      // S3 rejects a policy change while the public access block is still being applied.
      dependsOn: [publicAccessBlock],
    });
    new S3BucketLifecycleConfiguration(this, "lifecycle", {
      bucket: bucket.id,
      rule: [
        {
          id: "expire-old-versions",
          status: "Enabled",
          filter: [{ prefix: "" }],
          noncurrentVersionExpiration: [{ noncurrentDays: props.noncurrentVersionDays ?? 30 }],
          abortIncompleteMultipartUpload: [
            { daysAfterInitiation: props.abortIncompleteUploadDays ?? 7 },
          ],
        },
      ],
      // Rules about noncurrent versions apply once versioning is on.
      dependsOn: [versioning],
    });

    this.bucketName = bucket.bucket;
    this.bucketArn = bucket.arn;
    this.bucketRegionalDomainName = bucket.bucketRegionalDomainName;
    this.kmsKeyArn = key.arn;
  }
}
