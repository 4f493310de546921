import { S3BucketOwnershipControls } from "@cdktf/provider-aws/lib/s3-bucket-ownership-controls";
import { S3BucketPublicAccessBlock } from "@cdktf/provider-aws/lib/s3-bucket-public-access-block";
import { S3BucketVersioningA } from "@cdktf/provider-aws/lib/s3-bucket-versioning";
import { StateModule, type StateModuleProps } from "../../modules/state";
import { logicalId, ref, statementsOf, synthScope, type Synthesized } from "../support/synth";

function synthState(overrides: Partial<StateModuleProps> = {}): Synthesized {
  return synthScope((scope) => {
    new StateModule(scope, "state", {
      buckets: ["shop-terraform-state"],
      lockTables: ["shop-terraform-locks"],
      ...overrides,
    });
  });
}

const STATE_BUCKET = "bucket-shop-terraform-state";

describe("StateModule", () => {
  const synth = synthState();
  const stateBucket = (type: string, id: string) => synth.resourceAt(type, `${STATE_BUCKET}_${id}`);
  const bucketRef = (attribute: string) =>
    ref("aws_s3_bucket", logicalId(synth, "aws_s3_bucket", `${STATE_BUCKET}_bucket`), attribute);
  const keyArn = () => ref("aws_kms_key", logicalId(synth, "aws_kms_key", "key"), "arn");

  it("creates the bucket, protected from deletion by Terraform", () => {
    expect(stateBucket("aws_s3_bucket", "bucket")).toMatchObject({
      bucket: "shop-terraform-state",
      force_destroy: false,
      lifecycle: { prevent_destroy: true },
    });
  });

  it("versions every state object", () => {
    expect(synth.text).toHaveResourceWithProperties(S3BucketVersioningA, {
      bucket: bucketRef("id"),
      versioning_configuration: { status: "Enabled" },
    });
  });

  it("encrypts objects by default with a rotated customer managed key, named after the bucket for the backends", () => {
    expect(synth.resource("aws_kms_key")).toMatchObject({ enable_key_rotation: true });
    expect(synth.resource("aws_kms_alias")).toMatchObject({
      name: "alias/terraform-state/shop-terraform-state",
      target_key_id: ref("aws_kms_key", logicalId(synth, "aws_kms_key", "key"), "key_id"),
    });
    expect(
      stateBucket("aws_s3_bucket_server_side_encryption_configuration", "encryption").rule,
    ).toEqual([
      {
        apply_server_side_encryption_by_default: {
          sse_algorithm: "aws:kms",
          kms_master_key_id: keyArn(),
        },
        bucket_key_enabled: true,
      },
    ]);
  });

  it("blocks every kind of public access and disables ACLs", () => {
    expect(synth.text).toHaveResourceWithProperties(S3BucketPublicAccessBlock, {
      block_public_acls: true,
      block_public_policy: true,
      ignore_public_acls: true,
      restrict_public_buckets: true,
    });
    expect(synth.text).toHaveResourceWithProperties(S3BucketOwnershipControls, {
      rule: { object_ownership: "BucketOwnerEnforced" },
    });
  });

  it("denies any request over plain HTTP or TLS older than 1.2, to the bucket and its objects", () => {
    const policy = stateBucket("aws_s3_bucket_policy", "policy");
    expect(policy.depends_on).toEqual([
      `aws_s3_bucket_public_access_block.${logicalId(synth, "aws_s3_bucket_public_access_block", `${STATE_BUCKET}_public-access-block`)}`,
    ]);
    const documentId = /^\$\{data\.aws_iam_policy_document\.(.+)\.json\}$/.exec(
      String(policy.policy),
    )![1];
    const document = synth.json.data!.aws_iam_policy_document[documentId];
    const resources = [bucketRef("arn"), `${bucketRef("arn")}/*`];
    const everyone = [{ type: "*", identifiers: ["*"] }];
    expect(document.statement).toEqual([
      {
        sid: "DenyInsecureTransport",
        effect: "Deny",
        principals: everyone,
        actions: ["s3:*"],
        resources,
        condition: [{ test: "Bool", variable: "aws:SecureTransport", values: ["false"] }],
      },
      {
        sid: "DenyOutdatedTls",
        effect: "Deny",
        principals: everyone,
        actions: ["s3:*"],
        resources,
        condition: [{ test: "NumericLessThan", variable: "s3:TlsVersion", values: ["1.2"] }],
      },
    ]);
  });

  it("expires replaced state versions after 90 days, keeping the last 10, and cleans up unfinished uploads", () => {
    const lifecycle = stateBucket("aws_s3_bucket_lifecycle_configuration", "lifecycle");
    expect(lifecycle.rule).toEqual([
      {
        id: "expire-old-state-versions",
        status: "Enabled",
        filter: [{ prefix: "" }],
        noncurrent_version_expiration: [{ noncurrent_days: 90, newer_noncurrent_versions: 10 }],
        abort_incomplete_multipart_upload: [{ days_after_initiation: 7 }],
      },
    ]);
    expect(lifecycle.depends_on).toEqual([
      `aws_s3_bucket_versioning.${logicalId(synth, "aws_s3_bucket_versioning", `${STATE_BUCKET}_versioning`)}`,
    ]);
  });

  it("creates the lock table the S3 backend expects: LockID string key, on demand, recoverable, encrypted", () => {
    expect(synth.resource("aws_dynamodb_table")).toMatchObject({
      name: "shop-terraform-locks",
      billing_mode: "PAY_PER_REQUEST",
      hash_key: "LockID",
      attribute: [{ name: "LockID", type: "S" }],
      point_in_time_recovery: { enabled: true },
      server_side_encryption: { enabled: true, kms_key_arn: keyArn() },
      deletion_protection_enabled: true,
      lifecycle: { prevent_destroy: true },
    });
  });

  it("creates no lock table when no environment locks with DynamoDB", () => {
    expect(synthState({ lockTables: [] }).resources("aws_dynamodb_table")).toEqual({});
  });

  it("creates each bucket with its own alias to the region's key", () => {
    const two = synthState({ buckets: ["a-state", "b.state"], lockTables: [] });
    expect(
      Object.values(two.resources("aws_s3_bucket"))
        .map((b) => b.bucket)
        .sort(),
    ).toEqual(["a-state", "b.state", undefined]);
    expect(
      Object.values(two.resources("aws_kms_alias"))
        .map((a) => a.name)
        .sort(),
    ).toEqual(["alias/terraform-state/a-state", "alias/terraform-state/b-state"]);
    expect(Object.keys(two.resources("aws_kms_key"))).toHaveLength(1);
  });

  it("delivers each state bucket's server access logs to the region's log bucket, which takes them from the state buckets only", () => {
    const logBucket = synth.resourceAt("aws_s3_bucket", "access-logs_bucket");
    expect(logBucket).toMatchObject({
      bucket_prefix: "shop-terraform-state-access-logs-",
      lifecycle: { prevent_destroy: true },
    });
    const logBucketId = logicalId(synth, "aws_s3_bucket", "access-logs_bucket");
    expect(stateBucket("aws_s3_bucket_logging", "logging")).toEqual(
      expect.objectContaining({
        bucket: bucketRef("id"),
        target_bucket: ref("aws_s3_bucket", logBucketId, "bucket"),
        target_prefix: "s3-access-logs/shop-terraform-state/",
      }),
    );
    const policy = synth.resourceAt("aws_s3_bucket_policy", "access-logs_policy");
    const logArn = ref("aws_s3_bucket", logBucketId, "arn");
    expect(statementsOf(synth, policy.policy)[0]).toEqual({
      sid: "S3ServerAccessLogDelivery",
      principals: [{ type: "Service", identifiers: ["logging.s3.amazonaws.com"] }],
      actions: ["s3:PutObject"],
      resources: [`${logArn}/s3-access-logs/*`],
      condition: [
        {
          test: "ArnLike",
          variable: "aws:SourceArn",
          values: [
            `arn:\${element(split(":", aws_s3_bucket.${logBucketId}.arn), 1)}:s3:::shop-terraform-state`,
          ],
        },
      ],
    });
    // S3 server access logging delivers to SSE-S3 buckets only: an exception with its reason.
    expect(
      synth.resourceAt(
        "aws_s3_bucket_server_side_encryption_configuration",
        "access-logs_encryption",
      ).rule,
    ).toEqual([{ apply_server_side_encryption_by_default: { sse_algorithm: "AES256" } }]);
  });

  it("lets the account use the state key only through S3 and DynamoDB", () => {
    const keyPolicy = synth.resource("aws_kms_key_policy");
    const statements = statementsOf(synth, keyPolicy.policy);
    expect(statements.map((s) => s.sid)).toEqual([
      "AccountAdministersKey",
      "AccountUsesKeyThroughServices",
    ]);
    const keyId = logicalId(synth, "aws_kms_key", "key");
    const region = `\${element(split(":", aws_kms_key.${keyId}.arn), 3)}`;
    expect(statements[1].condition[0]).toEqual({
      test: "StringEquals",
      variable: "kms:ViaService",
      values: [`s3.${region}.amazonaws.com`, `dynamodb.${region}.amazonaws.com`],
    });
  });
});
