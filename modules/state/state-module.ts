import { DynamodbTable } from "@cdktf/provider-aws/lib/dynamodb-table";
import { KmsAlias } from "@cdktf/provider-aws/lib/kms-alias";
import { Fn, type TerraformProvider } from "cdktf";
import { Construct } from "constructs";
import { HardenedBucket, ManagedKey, serviceTrustStatement } from "../../constructs";
import { stateKeyAlias } from "../../lib/names/state";

/** Where the state buckets' server access logs go in the region's log bucket. */
export const STATE_ACCESS_LOG_PREFIX = "s3-access-logs/";

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
  /** Days the state buckets' server access logs (who read or wrote which state) are kept. @default 365 */
  readonly accessLogExpirationDays?: number;
  /** When known, only this account's buckets may deliver server access logs to the log bucket. @default any */
  readonly accountId?: string;
  /** The provider of the buckets' region. @default the stack's default AWS provider */
  readonly provider?: TerraformProvider;
}

/**
 * What the environments' S3 backend needs in one region: a customer managed key (rotated yearly,
 * used only through S3 and DynamoDB) named `alias/terraform-state/<bucket>` for each bucket, the
 * hardened state buckets (versioned, private, TLS only, protected from `terraform destroy`), a log
 * bucket receiving their server access logs, and the DynamoDB lock tables (key "LockID"),
 * on-demand, with point-in-time recovery, encrypted with that key.
 */
export class StateModule extends Construct {
  /** The KMS key of the state buckets. */
  public readonly kmsKeyArn: string;
  /** Bucket ARN per bucket name. */
  public readonly bucketArns: Readonly<Record<string, string>>;
  /** Table ARN per lock table name. */
  public readonly lockTableArns: Readonly<Record<string, string>>;
  /** The bucket receiving the state buckets' server access logs, when there are state buckets. */
  public readonly accessLogBucketName?: string;

  constructor(scope: Construct, id: string, props: StateModuleProps) {
    super(scope, id);
    const { provider } = props;
    if (props.buckets.length === 0 && (props.lockTables ?? []).length === 0) {
      throw new Error("StateModule needs at least one bucket or lock table");
    }

    const key = new ManagedKey(this, "key", {
      provider,
      description: `Encrypts Terraform state: ${[...props.buckets, ...(props.lockTables ?? [])].join(", ")}`,
      // Terraform reads and writes state objects through S3 and locks through DynamoDB.
      usedThrough: ["s3", "dynamodb"],
    });

    const logBucket = props.buckets.length > 0 ? this.logBucket(props.buckets, props) : undefined;
    const bucketArns: Record<string, string> = {};
    if (logBucket) {
      for (const bucketName of props.buckets) {
        new KmsAlias(this, `key-alias-${bucketName}`, {
          provider,
          name: stateKeyAlias(bucketName),
          targetKeyId: key.keyId,
        });
        bucketArns[bucketName] = new HardenedBucket(this, `bucket-${bucketName}`, {
          provider,
          bucketName,
          nameTag: bucketName,
          // Every environment's state lives here: Terraform refuses a plan that would delete it.
          preventDestroy: true,
          encryption: { kmsKeyArn: key.keyArn },
          noReplicationBecause:
            "state is versioned (replaced versions kept), protected from destroy, and each environment's resources can be imported again should the region be lost; a second region would need a second key and state stack",
          accessLogs: {
            bucketName: logBucket.bucketName,
            prefix: `${STATE_ACCESS_LOG_PREFIX}${bucketName}/`,
          },
          lifecycleRules: [
            {
              id: "expire-old-state-versions",
              status: "Enabled",
              filter: [{ prefix: "" }],
              noncurrentVersionExpiration: [
                {
                  noncurrentDays: props.noncurrentVersionDays ?? 90,
                  newerNoncurrentVersions: props.newerNoncurrentVersions ?? 10,
                },
              ],
              abortIncompleteMultipartUpload: [
                { daysAfterInitiation: props.abortIncompleteUploadDays ?? 7 },
              ],
            },
          ],
        }).bucketArn;
      }
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
        serverSideEncryption: { enabled: true, kmsKeyArn: key.keyArn },
        deletionProtectionEnabled: true,
        lifecycle: { preventDestroy: true },
        tags: { Name: tableName },
      });
      lockTableArns[tableName] = table.arn;
    }

    this.kmsKeyArn = key.keyArn;
    this.bucketArns = bucketArns;
    this.lockTableArns = lockTableArns;
    this.accessLogBucketName = logBucket?.bucketName;
  }

  /** The region's log bucket: the state buckets' server access logs, and nothing else. */
  private logBucket(stateBuckets: readonly string[], props: StateModuleProps): HardenedBucket {
    // A bucket prefix has at most 37 characters and may not end in "." or "-" before our suffix.
    const prefix = `${stateBuckets[0].slice(0, 26).replace(/[.-]+$/, "")}-access-logs-`;
    return new HardenedBucket(this, "access-logs", {
      provider: props.provider,
      bucketPrefix: prefix,
      nameTag: `${stateBuckets.join(" ")} access logs`,
      preventDestroy: true,
      noReplicationBecause:
        "access logs of the state buckets, kept for their expiration; a second region would only copy an audit trail the region's CloudTrail also holds",
      encryption: {
        s3ManagedBecause:
          "S3 server access logging delivers logs only to buckets encrypted with S3-managed keys (SSE-S3); a KMS default encryption would stop log delivery",
      },
      accessLogs: {
        noneBecause:
          "the state buckets' log bucket: server access logs of itself would log every log delivery",
      },
      policyStatements: (bucketArn) => {
        const partition = Fn.element(Fn.split(":", bucketArn), 1);
        return [
          serviceTrustStatement({
            sid: "S3ServerAccessLogDelivery",
            service: "logging.s3.amazonaws.com",
            actions: ["s3:PutObject"],
            resources: [`${bucketArn}/${STATE_ACCESS_LOG_PREFIX}*`],
            account: props.accountId,
            sourceArns: stateBuckets.map((name) => `arn:${partition}:s3:::${name}`),
          }),
        ];
      },
      lifecycleRules: [
        {
          id: "expire-access-logs",
          status: "Enabled",
          filter: [{ prefix: "" }],
          expiration: [{ days: props.accessLogExpirationDays ?? 365 }],
          noncurrentVersionExpiration: [{ noncurrentDays: 1 }],
          abortIncompleteMultipartUpload: [{ daysAfterInitiation: 1 }],
        },
      ],
    });
  }
}
