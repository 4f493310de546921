import {
  DataAwsIamPolicyDocument,
  type DataAwsIamPolicyDocumentStatement,
} from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";
import { DbInstance, type DbInstanceConfig } from "@cdktf/provider-aws/lib/db-instance";
import { KmsKey } from "@cdktf/provider-aws/lib/kms-key";
import { KmsKeyPolicy } from "@cdktf/provider-aws/lib/kms-key-policy";
import { S3Bucket } from "@cdktf/provider-aws/lib/s3-bucket";
import { S3BucketLoggingA } from "@cdktf/provider-aws/lib/s3-bucket-logging";
import { S3BucketNotification } from "@cdktf/provider-aws/lib/s3-bucket-notification";
import { S3BucketPolicy } from "@cdktf/provider-aws/lib/s3-bucket-policy";
import { S3BucketPublicAccessBlock } from "@cdktf/provider-aws/lib/s3-bucket-public-access-block";
import { S3BucketReplicationConfigurationA } from "@cdktf/provider-aws/lib/s3-bucket-replication-configuration";
import { S3BucketServerSideEncryptionConfigurationA } from "@cdktf/provider-aws/lib/s3-bucket-server-side-encryption-configuration";
import type { Construct } from "constructs";

/** A key the policy accepts: rotated yearly, with a key policy of its own. */
export function rotatedKey(scope: Construct, id = "key"): KmsKey {
  const key = new KmsKey(scope, id, { enableKeyRotation: true });
  keyPolicy(scope, key, `${id}-own-policy`);
  return key;
}

/** An explicit key policy for the key: the account administers it. */
export function keyPolicy(scope: Construct, key: KmsKey, id = "key-policy"): KmsKeyPolicy {
  const document = policyDocument(scope, `${id}-document`, [
    {
      sid: "AccountAdministersKey",
      principals: [{ type: "AWS", identifiers: ["arn:aws:iam::111122223333:root"] }],
      actions: ["kms:DescribeKey", "kms:PutKeyPolicy"],
      resources: ["*"],
    },
  ]);
  return new KmsKeyPolicy(scope, id, { keyId: key.keyId, policy: document.json });
}

/** A PostgreSQL instance every rule but the encryption rule accepts, with the given settings changed. */
export function database(scope: Construct, settings: Partial<DbInstanceConfig> = {}): DbInstance {
  return new DbInstance(scope, "database", {
    identifier: "policy-test",
    engine: "postgres",
    instanceClass: "db.t4g.micro",
    allocatedStorage: 20,
    multiAz: true,
    deletionProtection: true,
    monitoringInterval: 60,
    monitoringRoleArn: "arn:aws:iam::111122223333:role/policy-test-monitoring",
    port: 6432,
    ...settings,
  });
}

/** A policy document of the given statements. */
export function policyDocument(
  scope: Construct,
  id: string,
  statement: DataAwsIamPolicyDocumentStatement[],
): DataAwsIamPolicyDocument {
  return new DataAwsIamPolicyDocument(scope, id, { statement });
}

export interface BucketOptions {
  /** Default encryption of new objects. @default "aws:kms" with a rotated key */
  readonly encryption?: "aws:kms" | "AES256" | "none";
  /** Settings of its public access block, or none. @default all four true */
  readonly publicAccessBlock?: Partial<Record<PublicAccessSetting, boolean>> | "none";
  /** Extra bucket policy statements, besides the TLS-only deny. @default none */
  readonly statements?: DataAwsIamPolicyDocumentStatement[];
  /** Whether the bucket policy denies plain HTTP. @default true */
  readonly tlsOnly?: boolean;
  /** Whether server access logs go to a log bucket. @default true */
  readonly accessLogs?: boolean;
  /** Whether objects are replicated to another region. @default true */
  readonly replication?: boolean;
  /** Whether object events are sent to EventBridge. @default true */
  readonly notifications?: boolean;
}

type PublicAccessSetting =
  "blockPublicAcls" | "blockPublicPolicy" | "ignorePublicAcls" | "restrictPublicBuckets";

/** A bucket the policy accepts, or one that breaks exactly what the options say. */
export function bucket(scope: Construct, options: BucketOptions = {}): S3Bucket {
  const bucket = new S3Bucket(scope, "bucket", { bucket: "policy-test-bucket" });
  if (options.accessLogs ?? true) {
    new S3BucketLoggingA(scope, "logging", {
      bucket: bucket.id,
      targetBucket: "policy-test-logs",
      targetPrefix: "policy-test-bucket/",
    });
  }
  if (options.replication ?? true) {
    new S3BucketReplicationConfigurationA(scope, "replication", {
      bucket: bucket.id,
      role: "arn:aws:iam::111122223333:role/policy-test-replication",
      rule: [
        {
          id: "replica",
          status: "Enabled",
          destination: { bucket: "arn:aws:s3:::policy-test-bucket-replica" },
        },
      ],
    });
  }
  if (options.notifications ?? true) {
    new S3BucketNotification(scope, "notification", { bucket: bucket.id, eventbridge: true });
  }
  const encryption = options.encryption ?? "aws:kms";
  if (encryption !== "none") {
    new S3BucketServerSideEncryptionConfigurationA(scope, "encryption", {
      bucket: bucket.id,
      rule: [
        {
          applyServerSideEncryptionByDefault:
            encryption === "aws:kms"
              ? { sseAlgorithm: "aws:kms", kmsMasterKeyId: rotatedKey(scope, "bucket-key").arn }
              : { sseAlgorithm: "AES256" },
        },
      ],
    });
  }
  if (options.publicAccessBlock !== "none") {
    new S3BucketPublicAccessBlock(scope, "public-access-block", {
      bucket: bucket.id,
      blockPublicAcls: true,
      blockPublicPolicy: true,
      ignorePublicAcls: true,
      restrictPublicBuckets: true,
      ...options.publicAccessBlock,
    });
  }
  const statements = [
    ...((options.tlsOnly ?? true)
      ? [
          {
            sid: "DenyInsecureTransport",
            effect: "Deny",
            principals: [{ type: "*", identifiers: ["*"] }],
            actions: ["s3:*"],
            resources: [bucket.arn, `${bucket.arn}/*`],
            condition: [{ test: "Bool", variable: "aws:SecureTransport", values: ["false"] }],
          },
        ]
      : []),
    ...(options.statements ?? []),
  ];
  if (statements.length > 0) {
    new S3BucketPolicy(scope, "bucket-policy", {
      bucket: bucket.id,
      policy: policyDocument(scope, "bucket-policy-document", statements).json,
    });
  }
  return bucket;
}
