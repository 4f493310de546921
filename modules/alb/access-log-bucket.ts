import {
  DataAwsIamPolicyDocument,
  type DataAwsIamPolicyDocumentStatementPrincipals,
} from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";
import { DataAwsElbServiceAccount } from "@cdktf/provider-aws/lib/data-aws-elb-service-account";
import { S3Bucket } from "@cdktf/provider-aws/lib/s3-bucket";
import { S3BucketLifecycleConfiguration } from "@cdktf/provider-aws/lib/s3-bucket-lifecycle-configuration";
import { S3BucketOwnershipControls } from "@cdktf/provider-aws/lib/s3-bucket-ownership-controls";
import { S3BucketPolicy } from "@cdktf/provider-aws/lib/s3-bucket-policy";
import { S3BucketPublicAccessBlock } from "@cdktf/provider-aws/lib/s3-bucket-public-access-block";
import { S3BucketServerSideEncryptionConfigurationA } from "@cdktf/provider-aws/lib/s3-bucket-server-side-encryption-configuration";
import { S3BucketVersioningA } from "@cdktf/provider-aws/lib/s3-bucket-versioning";
import { Construct } from "constructs";
import { elbLogDeliverer } from "../../lib/elb-log-delivery";
import { tlsOnlyStatements } from "../../lib/s3-tls-only";
import { suppress } from "../../policy";

export interface AccessLogBucketProps {
  /** Start of the bucket's name; S3 appends a unique suffix (bucket names are global). */
  readonly bucketPrefix: string;
  /** The load balancer's region: it decides who delivers the logs. */
  readonly region: string;
  /** When known, the only account whose load balancers may write here. */
  readonly accountId?: string;
  /** The key prefix the load balancer writes under (no leading or trailing slash). */
  readonly logPrefix: string;
  /** Days a log file is kept. */
  readonly expirationDays: number;
  /** Let `terraform destroy` delete the bucket with its logs. */
  readonly forceDestroy: boolean;
}

/**
 * A dedicated bucket for a load balancer's access logs: private (public access blocked, ACLs
 * disabled), versioned, reachable over TLS 1.2+ only, writable by Elastic Load Balancing's log
 * delivery under the log prefix only, and emptied of logs older than the expiration.
 */
export class AccessLogBucket extends Construct {
  public readonly bucketName: string;
  public readonly bucketArn: string;
  /** The bucket policy: the load balancer must depend on it, since ELB test-writes at setup. */
  public readonly policy: S3BucketPolicy;

  constructor(scope: Construct, id: string, props: AccessLogBucketProps) {
    super(scope, id);
    const bucket = new S3Bucket(this, "bucket", {
      bucketPrefix: props.bucketPrefix,
      forceDestroy: props.forceDestroy,
      tags: { Name: `${props.bucketPrefix}access-logs` },
    });
    const versioning = new S3BucketVersioningA(this, "versioning", {
      bucket: bucket.id,
      versioningConfiguration: { status: "Enabled" },
    });
    new S3BucketServerSideEncryptionConfigurationA(this, "encryption", {
      bucket: bucket.id,
      rule: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } }],
    });
    suppress(
      bucket,
      "SEC-ENC-003",
      "Elastic Load Balancing delivers access logs only to buckets encrypted with S3-managed keys (SSE-S3); a KMS default encryption would stop log delivery",
    );
    const publicAccessBlock = new S3BucketPublicAccessBlock(this, "public-access-block", {
      bucket: bucket.id,
      blockPublicAcls: true,
      blockPublicPolicy: true,
      ignorePublicAcls: true,
      restrictPublicBuckets: true,
    });
    // Log delivery sets no ACL and needs none: with ACLs disabled the bucket owns every log file.
    new S3BucketOwnershipControls(this, "ownership", {
      bucket: bucket.id,
      rule: { objectOwnership: "BucketOwnerEnforced" },
    });

    const logObjects = `${bucket.arn}/${props.logPrefix}/AWSLogs/${props.accountId ?? "*"}/*`;
    const document = new DataAwsIamPolicyDocument(this, "policy-document", {
      statement: [
        {
          sid: "LoadBalancerLogDelivery",
          effect: "Allow",
          principals: [this.deliverer(props.region)],
          actions: ["s3:PutObject"],
          resources: [logObjects],
        },
        ...tlsOnlyStatements(bucket.arn),
      ],
    });
    this.policy = new S3BucketPolicy(this, "policy", {
      bucket: bucket.id,
      policy: document.json,
      // S3 rejects a policy change while the public access block is still being applied.
      dependsOn: [publicAccessBlock],
    });

    new S3BucketLifecycleConfiguration(this, "lifecycle", {
      bucket: bucket.id,
      rule: [
        {
          id: "expire-access-logs",
          status: "Enabled",
          filter: [{ prefix: "" }],
          expiration: [{ days: props.expirationDays }],
          // Logs are never overwritten; a noncurrent version is an expired log: drop it soon.
          noncurrentVersionExpiration: [{ noncurrentDays: 1 }],
          abortIncompleteMultipartUpload: [{ daysAfterInitiation: 1 }],
        },
        {
          id: "remove-expired-delete-markers",
          status: "Enabled",
          filter: [{ prefix: "" }],
          expiration: [{ expiredObjectDeleteMarker: true }],
        },
      ],
      dependsOn: [versioning],
    });

    this.bucketName = bucket.bucket;
    this.bucketArn = bucket.arn;
  }

  private deliverer(region: string): DataAwsIamPolicyDocumentStatementPrincipals {
    const deliverer = elbLogDeliverer(region);
    if (deliverer.kind === "service-principal") {
      return { type: "Service", identifiers: [deliverer.service] };
    }
    const account = new DataAwsElbServiceAccount(this, "elb-account", { region });
    return { type: "AWS", identifiers: [account.arn] };
  }
}
