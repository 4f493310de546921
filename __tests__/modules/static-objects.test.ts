import { StaticObjectsModule } from "../../modules/static-objects";
import { synthScope } from "../support/synth";

describe("StaticObjectsModule", () => {
  it("protects the bucket from destroy when asked and keeps replaced versions 30 days", () => {
    const synth = synthScope(
      (scope) =>
        new StaticObjectsModule(scope, "static", { name: "shop-prod", deletionProtection: true }),
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
      (scope) => new StaticObjectsModule(scope, "static", { name: "x", deletionProtection: true }),
    );
    const [document] = Object.values(synth.json.data!.aws_iam_policy_document);
    expect((document.statement as { sid: string }[]).map((s) => s.sid)).toEqual([
      "DenyInsecureTransport",
      "DenyOutdatedTls",
    ]);
    expect(synth.resource("aws_s3_bucket_policy").depends_on).toEqual([
      expect.stringMatching(/^aws_s3_bucket_public_access_block\./),
    ]);
  });
});
