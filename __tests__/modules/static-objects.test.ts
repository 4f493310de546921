import { StaticObjectsModule } from "../../modules/static-objects";
import { statementsOf, synthScope } from "../support/synth";

const LOGS = { bucketName: "shop-logs", prefix: "s3-access-logs/" };

describe("StaticObjectsModule", () => {
  it("protects the bucket from destroy when asked and keeps replaced versions 30 days", () => {
    const synth = synthScope(
      (scope) =>
        new StaticObjectsModule(scope, "static", {
          name: "shop-prod",
          serverAccessLogs: LOGS,
          deletionProtection: true,
        }),
    );
    expect(synth.resource("aws_s3_bucket")).toMatchObject({
      bucket_prefix: "shop-prod-static-",
      force_destroy: false,
      lifecycle: { prevent_destroy: true },
    });
    expect(synth.resource("aws_kms_alias").name).toBe("alias/shop-prod-static");
    expect(synth.resource("aws_s3_bucket_lifecycle_configuration").rule).toEqual([
      expect.objectContaining({ noncurrent_version_expiration: [{ noncurrent_days: 30 }] }),
    ]);
  });

  it("lets destroy empty the bucket when deletion protection is off, and keeps versions as asked", () => {
    const synth = synthScope(
      (scope) =>
        new StaticObjectsModule(scope, "static", {
          name: "shop-dev",
          serverAccessLogs: LOGS,
          deletionProtection: false,
          noncurrentVersionDays: 7,
        }),
    );
    expect(synth.resource("aws_s3_bucket")).toMatchObject({
      force_destroy: true,
      lifecycle: { prevent_destroy: false },
    });
    expect(synth.resource("aws_s3_bucket_lifecycle_configuration").rule).toEqual([
      expect.objectContaining({ noncurrent_version_expiration: [{ noncurrent_days: 7 }] }),
    ]);
  });

  it("denies plain HTTP and TLS before 1.2 to everyone, after the public access block", () => {
    const synth = synthScope(
      (scope) =>
        new StaticObjectsModule(scope, "static", {
          name: "x",
          serverAccessLogs: LOGS,
          deletionProtection: true,
        }),
    );
    const bucketPolicy = String(synth.resource("aws_s3_bucket_policy").policy);
    const documentId = /^\$\{data\.aws_iam_policy_document\.(.+)\.json\}$/.exec(bucketPolicy)![1];
    const document = synth.json.data!.aws_iam_policy_document[documentId];
    expect((document.statement as { sid: string }[]).map((s) => s.sid)).toEqual([
      "DenyInsecureTransport",
      "DenyOutdatedTls",
    ]);
    expect(synth.resource("aws_s3_bucket_policy").depends_on).toEqual([
      expect.stringMatching(/^aws_s3_bucket_public_access_block\./),
    ]);
  });

  it("delivers its server access logs to the log bucket it is given, under a prefix of its own", () => {
    const synth = synthScope(
      (scope) =>
        new StaticObjectsModule(scope, "static", {
          name: "x",
          serverAccessLogs: LOGS,
          deletionProtection: true,
        }),
    );
    expect(synth.resource("aws_s3_bucket_logging")).toMatchObject({
      target_bucket: "shop-logs",
      target_prefix: "s3-access-logs/static-objects/",
    });
  });

  it("lets the account use its key only through S3", () => {
    const synth = synthScope(
      (scope) =>
        new StaticObjectsModule(scope, "static", {
          name: "x",
          serverAccessLogs: LOGS,
          deletionProtection: true,
        }),
    );
    const statements = statementsOf(synth, synth.resource("aws_kms_key_policy").policy);
    expect(statements[1].condition[0]).toMatchObject({
      variable: "kms:ViaService",
      values: [expect.stringMatching(/^s3\..+\.amazonaws\.com$/)],
    });
  });
});
