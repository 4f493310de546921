import { synthEnvironment } from "../support/stacks";
import { logicalId, ref, type Synthesized } from "../support/synth";

const containerOf = (synth: Synthesized, service: string) =>
  (
    JSON.parse(
      synth.resourceAt("aws_ecs_task_definition", `task-definition-${service}`)
        .container_definitions as string,
    ) as { environment: { name: string; value: string }[] }[]
  )[0];

const taskStatements = (synth: Synthesized, service: string) =>
  (Object.entries(synth.json.data!.aws_iam_policy_document).find(([id]) =>
    id.includes(`roles-${service}_task-policy-document`),
  )?.[1].statement ?? []) as Record<string, any>[];

describe.each(["dev", "prod"])("the %s stack's static objects bucket", (name) => {
  const synth = synthEnvironment(name);
  const bucketId = logicalId(synth, "aws_s3_bucket", "static-objects_bucket");
  const keyId = logicalId(synth, "aws_kms_key", "static-objects_key");
  const bucketArn = ref("aws_s3_bucket", bucketId, "arn");
  const of = (type: string) =>
    Object.values(synth.resources(type)).filter(
      (r) => r.bucket === ref("aws_s3_bucket", bucketId, "id"),
    );

  it("is named after the environment, with a unique suffix, and encrypted with a rotated key of its own", () => {
    expect(synth.resources("aws_s3_bucket")[bucketId].bucket_prefix).toBe(`shop-${name}-static-`);
    expect(synth.resources("aws_kms_key")[keyId].enable_key_rotation).toBe(true);
    expect(of("aws_s3_bucket_server_side_encryption_configuration")).toEqual([
      expect.objectContaining({
        rule: [
          {
            apply_server_side_encryption_by_default: {
              sse_algorithm: "aws:kms",
              kms_master_key_id: ref("aws_kms_key", keyId, "arn"),
            },
            bucket_key_enabled: true,
          },
        ],
      }),
    ]);
  });

  it("is private, versioned, owner-enforced, TLS-only, and expires replaced versions", () => {
    expect(of("aws_s3_bucket_public_access_block")).toEqual([
      expect.objectContaining({
        block_public_acls: true,
        block_public_policy: true,
        ignore_public_acls: true,
        restrict_public_buckets: true,
      }),
    ]);
    expect(of("aws_s3_bucket_versioning")[0].versioning_configuration).toEqual({
      status: "Enabled",
    });
    expect(of("aws_s3_bucket_ownership_controls")[0].rule).toEqual({
      object_ownership: "BucketOwnerEnforced",
    });
    expect(of("aws_s3_bucket_lifecycle_configuration")[0].rule).toEqual([
      expect.objectContaining({
        noncurrent_version_expiration: [{ noncurrent_days: 30 }],
        abort_incomplete_multipart_upload: [{ days_after_initiation: 7 }],
      }),
    ]);
    const policy = Object.entries(synth.json.data!.aws_iam_policy_document).find(([id]) =>
      id.includes("static-objects_policy-document"),
    )![1];
    expect(policy.statement).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          sid: "DenyInsecureTransport",
          effect: "Deny",
          actions: ["s3:*"],
          resources: [bucketArn, `${bucketArn}/*`],
        }),
      ]),
    );
  });

  it("gives products its name and read-write access to its objects, the key through S3 only", () => {
    expect(containerOf(synth, "products").environment).toContainEqual({
      name: "STATIC_BUCKET",
      value: ref("aws_s3_bucket", bucketId, "bucket"),
    });
    const statements = taskStatements(synth, "products").filter((s) =>
      s.sid.includes("StaticObjects"),
    );
    expect(statements).toEqual([
      { sid: "ListStaticObjects", actions: ["s3:ListBucket"], resources: [bucketArn] },
      {
        sid: "ReadWriteStaticObjects",
        actions: ["s3:GetObject", "s3:PutObject", "s3:DeleteObject"],
        resources: [`${bucketArn}/*`],
      },
      {
        sid: "UseStaticObjectsKeyThroughS3",
        actions: ["kms:Decrypt", "kms:GenerateDataKey"],
        resources: [ref("aws_kms_key", keyId, "arn")],
        condition: [
          {
            test: "StringEquals",
            variable: "kms:ViaService",
            values: ["s3.us-east-1.amazonaws.com"],
          },
        ],
      },
    ]);
  });

  it("gives users, which does not declare it, neither its name nor any access", () => {
    expect(containerOf(synth, "users").environment.map((v) => v.name)).not.toContain(
      "STATIC_BUCKET",
    );
    expect(JSON.stringify(taskStatements(synth, "users"))).not.toContain(bucketId);
  });

  it("is an output", () => {
    expect(synth.json.output!.static_objects.value).toMatchObject({
      bucket: ref("aws_s3_bucket", bucketId, "bucket"),
      arn: bucketArn,
    });
  });
});

describe("static objects bucket protection", () => {
  it("keeps prod's from terraform destroy and lets dev's be emptied and deleted", () => {
    const bucketOf = (name: string) => {
      const synth = synthEnvironment(name);
      return synth.resources("aws_s3_bucket")[logicalId(synth, "aws_s3_bucket", "static-objects")];
    };
    expect(bucketOf("prod")).toMatchObject({
      force_destroy: false,
      lifecycle: { prevent_destroy: true },
    });
    expect(bucketOf("dev")).toMatchObject({
      force_destroy: true,
      lifecycle: { prevent_destroy: false },
    });
  });
});
