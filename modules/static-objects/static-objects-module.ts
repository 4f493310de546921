import { KmsAlias } from "@cdktf/provider-aws/lib/kms-alias";
import { Construct } from "constructs";
import { HardenedBucket, ManagedKey } from "../../constructs";
import { staticObjectsNames } from "../../lib/names/static-objects";

/** Where a bucket's server access logs go: a log bucket and the key prefix under which to write. */
export interface ServerAccessLogs {
  readonly bucketName: string;
  readonly prefix: string;
}

export interface StaticObjectsModuleProps {
  /**
   * Prefix of the bucket's name and key alias, e.g. "shop-prod": the bucket is named
   * "shop-prod-static-" plus a unique suffix Terraform picks (bucket names are global).
   */
  readonly name: string;
  /** The log bucket that receives the bucket's server access logs (e.g. the load balancer's). */
  readonly serverAccessLogs: ServerAccessLogs;
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
 * The environment's bucket for static objects (images, documents): a hardened bucket (private,
 * versioned, TLS only, server access logs to the log bucket) encrypted with a key of its own
 * (rotated yearly, used only through S3) through an S3 bucket key, old versions expired.
 * Services that declare `staticObjects` in their manifest get its name and least-privilege
 * access to it.
 */
export class StaticObjectsModule extends Construct {
  /** The bucket's name. */
  public readonly bucketName: string;
  /** The bucket's ARN. */
  public readonly bucketArn: string;
  /** The bucket's regional domain name. */
  public readonly bucketRegionalDomainName: string;
  /** The key that encrypts the objects: readers need kms:Decrypt, writers kms:GenerateDataKey too. */
  public readonly kmsKeyArn: string;

  constructor(scope: Construct, id: string, props: StaticObjectsModuleProps) {
    super(scope, id);
    const { deletionProtection } = props;
    const names = staticObjectsNames(props.name);

    const key = new ManagedKey(this, "key", {
      description: `Encrypts the static objects of ${props.name}`,
      usedThrough: ["s3"],
    });
    new KmsAlias(this, "key-alias", {
      name: names.keyAlias,
      targetKeyId: key.keyId,
    });

    // "Default" adds nothing to the Terraform addresses: the bucket's resources keep the
    // addresses they had as this module's own children.
    const bucket = new HardenedBucket(this, "Default", {
      bucketPrefix: names.bucketPrefix,
      nameTag: `${props.name}-static`,
      forceDestroy: !deletionProtection,
      preventDestroy: deletionProtection,
      encryption: { kmsKeyArn: key.keyArn },
      noReplicationBecause:
        "objects are versioned and kept after deletion for the noncurrent-version days; a copy in a second region is a disaster-recovery choice the environment has not made (add a replication configuration when it does)",
      accessLogs: {
        bucketName: props.serverAccessLogs.bucketName,
        prefix: `${props.serverAccessLogs.prefix}static-objects/`,
      },
      lifecycleRules: [
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
    });

    this.bucketName = bucket.bucketName;
    this.bucketArn = bucket.bucketArn;
    this.bucketRegionalDomainName = bucket.bucket.bucketRegionalDomainName;
    this.kmsKeyArn = key.keyArn;
  }
}
