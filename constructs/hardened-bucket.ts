import {
  DataAwsIamPolicyDocument,
  type DataAwsIamPolicyDocumentStatement,
} from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";
import { S3Bucket } from "@cdktf/provider-aws/lib/s3-bucket";
import {
  S3BucketLifecycleConfiguration,
  type S3BucketLifecycleConfigurationRule,
} from "@cdktf/provider-aws/lib/s3-bucket-lifecycle-configuration";
import { S3BucketLoggingA } from "@cdktf/provider-aws/lib/s3-bucket-logging";
import { S3BucketOwnershipControls } from "@cdktf/provider-aws/lib/s3-bucket-ownership-controls";
import { S3BucketPolicy } from "@cdktf/provider-aws/lib/s3-bucket-policy";
import { S3BucketPublicAccessBlock } from "@cdktf/provider-aws/lib/s3-bucket-public-access-block";
import { S3BucketServerSideEncryptionConfigurationA } from "@cdktf/provider-aws/lib/s3-bucket-server-side-encryption-configuration";
import { S3BucketVersioningA } from "@cdktf/provider-aws/lib/s3-bucket-versioning";
import type { TerraformProvider } from "cdktf";
import { Construct } from "constructs";
import { suppress } from "../policy";
import { tlsOnlyStatements } from "./s3-tls-only";

/** How new objects are encrypted: with a customer managed key, or with S3's own keys and why. */
export type BucketEncryption =
  | { readonly kmsKeyArn: string }
  /** SSE-S3, for buckets an AWS service writes to that accepts nothing else; the reason is recorded. */
  | { readonly s3ManagedBecause: string };

/** Where the bucket's server access logs go, or why it keeps none. */
export type BucketAccessLogs =
  | { readonly bucketName: string; readonly prefix: string }
  /** A log bucket itself: logging it into itself would log every log delivery. */
  | { readonly noneBecause: string };

export interface HardenedBucketProps {
  /** The bucket's name; give this or `bucketPrefix`. @default none */
  readonly bucketName?: string;
  /** Start of the bucket's name, S3 appending a unique suffix (names are global). @default none */
  readonly bucketPrefix?: string;
  /** Default encryption of new objects. */
  readonly encryption: BucketEncryption;
  /** Server access logging. */
  readonly accessLogs: BucketAccessLogs;
  /**
   * Why the bucket's objects need no copy in another region (cross-region replication is not
   * set up by this construct).
   */
  readonly noReplicationBecause: string;
  /** Lifecycle rules (expirations, noncurrent versions, unfinished uploads); at least one. */
  readonly lifecycleRules: readonly S3BucketLifecycleConfigurationRule[];
  /**
   * Bucket policy statements besides the TLS-only denies, e.g. a log delivery service's, given the
   * bucket's ARN. @default none
   */
  readonly policyStatements?: (bucketArn: string) => DataAwsIamPolicyDocumentStatement[];
  /** Let `terraform destroy` delete the bucket with its objects. @default false */
  readonly forceDestroy?: boolean;
  /** Refuse any plan that would delete the bucket (`prevent_destroy`). @default not set (false) */
  readonly preventDestroy?: boolean;
  /** The bucket's Name tag. */
  readonly nameTag: string;
  /** The provider of the bucket's region. @default the stack's default AWS provider */
  readonly provider?: TerraformProvider;
}

/**
 * A private S3 bucket with the project's hardening in one place: all four public access blocks,
 * ACLs disabled (the bucket owns every object), versioning, a policy refusing plain HTTP and TLS
 * older than 1.2, default encryption (a customer managed key unless a writer needs SSE-S3, an
 * exception suppressed here with its reason), lifecycle rules, and server access logs delivered
 * to a log bucket (or the reason there are none).
 *
 * Its resources keep the ids buckets had before this construct ("bucket", "versioning", ...), so
 * a bucket that moves into it keeps its Terraform addresses when the construct takes the id its
 * enclosing construct had.
 */
export class HardenedBucket extends Construct {
  public readonly bucket: S3Bucket;
  public readonly bucketName: string;
  public readonly bucketArn: string;
  /** The bucket policy: whoever writes at creation (e.g. a load balancer's log test) depends on it. */
  public readonly policy: S3BucketPolicy;

  constructor(scope: Construct, id: string, props: HardenedBucketProps) {
    super(scope, id);
    const { provider } = props;
    if (props.lifecycleRules.length === 0) {
      throw new Error(`${this.node.path}: a hardened bucket needs at least one lifecycle rule`);
    }

    const bucket = new S3Bucket(this, "bucket", {
      provider,
      bucket: props.bucketName,
      bucketPrefix: props.bucketPrefix,
      forceDestroy: props.forceDestroy ?? false,
      ...(props.preventDestroy !== undefined && {
        lifecycle: { preventDestroy: props.preventDestroy },
      }),
      tags: { Name: props.nameTag },
    });
    const versioning = new S3BucketVersioningA(this, "versioning", {
      provider,
      bucket: bucket.id,
      versioningConfiguration: { status: "Enabled" },
    });
    this.encrypt(bucket, props.encryption);
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
    const document = new DataAwsIamPolicyDocument(this, "policy-document", {
      provider,
      statement: [
        ...(props.policyStatements?.(bucket.arn) ?? []),
        ...tlsOnlyStatements(bucket.arn),
      ],
    });
    this.policy = new S3BucketPolicy(this, "policy", {
      provider,
      bucket: bucket.id,
      policy: document.json,
      // S3 rejects a policy change while the public access block is still being applied.
      dependsOn: [publicAccessBlock],
    });
    new S3BucketLifecycleConfiguration(this, "lifecycle", {
      provider,
      bucket: bucket.id,
      rule: [...props.lifecycleRules],
      // Rules about noncurrent versions apply once versioning is on.
      dependsOn: [versioning],
    });
    this.logAccess(bucket, props.accessLogs);
    suppress(bucket, "SEC-S3-004", props.noReplicationBecause);
    suppress(
      bucket,
      "SEC-S3-005",
      "nothing in the system reacts to this bucket's object events, so there is no one to notify",
    );

    this.bucket = bucket;
    this.bucketName = bucket.bucket;
    this.bucketArn = bucket.arn;
  }

  private encrypt(bucket: S3Bucket, encryption: BucketEncryption): void {
    const kms = "kmsKeyArn" in encryption;
    new S3BucketServerSideEncryptionConfigurationA(this, "encryption", {
      provider: bucket.provider,
      bucket: bucket.id,
      rule: [
        kms
          ? {
              applyServerSideEncryptionByDefault: {
                sseAlgorithm: "aws:kms",
                kmsMasterKeyId: encryption.kmsKeyArn,
              },
              // One data key per bucket instead of one KMS call per object.
              bucketKeyEnabled: true,
            }
          : { applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } },
      ],
    });
    if (!kms) suppress(bucket, "SEC-ENC-003", encryption.s3ManagedBecause);
  }

  private logAccess(bucket: S3Bucket, accessLogs: BucketAccessLogs): void {
    if ("noneBecause" in accessLogs) {
      suppress(bucket, "SEC-S3-003", accessLogs.noneBecause);
      return;
    }
    new S3BucketLoggingA(this, "logging", {
      provider: bucket.provider,
      bucket: bucket.id,
      targetBucket: accessLogs.bucketName,
      targetPrefix: accessLogs.prefix,
    });
  }
}
