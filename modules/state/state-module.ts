import { DynamodbTable } from "@cdktf/provider-aws/lib/dynamodb-table";
import { KmsAlias } from "@cdktf/provider-aws/lib/kms-alias";
import { KmsKey } from "@cdktf/provider-aws/lib/kms-key";
import type { TerraformProvider } from "cdktf";
import { Construct } from "constructs";
import { stateKeyAlias } from "../../lib/names/state";
import { StateBucket } from "./state-bucket";

export interface StateModuleProps {
  /** The state buckets to create, all in the provider's region. */
  readonly buckets: readonly string[];
  /** The DynamoDB lock tables to create (environments that lock with "dynamodb"). @default none */
  readonly lockTables?: readonly string[];
  /** Days a replaced state version is kept. @default 90 */
  readonly noncurrentVersionDays?: number;
  /** Replaced state versions kept whatever their age. @default 10 */
  readonly newerNoncurrentVersions?: number;
  /** Days before an unfinished multipart upload is cleaned up. @default 7 */
  readonly abortIncompleteUploadDays?: number;
  /** The provider of the buckets' region. @default the stack's default AWS provider */
  readonly provider?: TerraformProvider;
}

/**
 * What the environments' S3 backend needs in one region: a customer managed key (rotated yearly)
 * named `alias/terraform-state/<bucket>` for each bucket, the hardened buckets, and the DynamoDB
 * lock tables (key "LockID"), on-demand, with point-in-time recovery, encrypted with that key.
 */
export class StateModule extends Construct {
  public readonly kmsKeyArn: string;
  /** Bucket ARN per bucket name. */
  public readonly bucketArns: Readonly<Record<string, string>>;
  /** Table ARN per lock table name. */
  public readonly lockTableArns: Readonly<Record<string, string>>;

  constructor(scope: Construct, id: string, props: StateModuleProps) {
    super(scope, id);
    const { provider } = props;
    if (props.buckets.length === 0 && (props.lockTables ?? []).length === 0) {
      throw new Error("StateModule needs at least one bucket or lock table");
    }

    const key = new KmsKey(this, "key", {
      provider,
      description: `Encrypts Terraform state: ${[...props.buckets, ...(props.lockTables ?? [])].join(", ")}`,
      enableKeyRotation: true,
      deletionWindowInDays: 30,
    });

    const bucketArns: Record<string, string> = {};
    for (const bucketName of props.buckets) {
      new KmsAlias(this, `key-alias-${bucketName}`, {
        provider,
        name: stateKeyAlias(bucketName),
        targetKeyId: key.keyId,
      });
      const bucket = new StateBucket(this, `bucket-${bucketName}`, {
        provider,
        bucketName,
        kmsKeyArn: key.arn,
        noncurrentVersionDays: props.noncurrentVersionDays ?? 90,
        newerNoncurrentVersions: props.newerNoncurrentVersions ?? 10,
        abortIncompleteUploadDays: props.abortIncompleteUploadDays ?? 7,
      });
      bucketArns[bucketName] = bucket.bucketArn;
    }

    const lockTableArns: Record<string, string> = {};
    for (const tableName of props.lockTables ?? []) {
      const table = new DynamodbTable(this, `lock-table-${tableName}`, {
        provider,
        name: tableName,
        billingMode: "PAY_PER_REQUEST",
        // The S3 backend's lock key: "<bucket>/<key>" for locks, "<bucket>/<key>-md5" for digests.
        hashKey: "LockID",
        attribute: [{ name: "LockID", type: "S" }],
        pointInTimeRecovery: { enabled: true },
        serverSideEncryption: { enabled: true, kmsKeyArn: key.arn },
        deletionProtectionEnabled: true,
        lifecycle: { preventDestroy: true },
        tags: { Name: tableName },
      });
      lockTableArns[tableName] = table.arn;
    }

    this.kmsKeyArn = key.arn;
    this.bucketArns = bucketArns;
    this.lockTableArns = lockTableArns;
  }
}
