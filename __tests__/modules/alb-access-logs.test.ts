import { Lb } from "@cdktf/provider-aws/lib/lb";
import { S3BucketOwnershipControls } from "@cdktf/provider-aws/lib/s3-bucket-ownership-controls";
import { S3BucketPublicAccessBlock } from "@cdktf/provider-aws/lib/s3-bucket-public-access-block";
import { S3BucketServerSideEncryptionConfigurationA } from "@cdktf/provider-aws/lib/s3-bucket-server-side-encryption-configuration";
import { S3BucketVersioningA } from "@cdktf/provider-aws/lib/s3-bucket-versioning";
import { AlbModule, type AlbModuleProps } from "../../modules/alb";
import { ALB_PROPS, USERS } from "../support/alb-fixture";
import { ref, synthScope, type Synthesized, type TerraformBlock } from "../support/synth";

const PROPS: AlbModuleProps = { ...ALB_PROPS, services: [USERS], routingStyle: "path" };

function synthAlb(overrides: Partial<AlbModuleProps> = {}): Synthesized {
  return synthScope((scope) => {
    new AlbModule(scope, "alb", { ...PROPS, ...overrides });
  });
}

interface Statement {
  sid: string;
  effect?: string;
  principals: { type: string; identifiers: string[] }[];
  actions: string[];
  resources: string[];
  condition?: { test: string; variable: string; values: string[] }[];
}

function bucketPolicy(synth: Synthesized): Statement[] {
  const documents = synth.json.data?.aws_iam_policy_document ?? {};
  const [id] = Object.keys(documents).filter((key) => key.includes("access-logs"));
  expect(synth.resource("aws_s3_bucket_policy").policy).toBe(
    ref("data.aws_iam_policy_document", id, "json"),
  );
  return documents[id].statement as Statement[];
}

const bucketArn = (synth: Synthesized) =>
  ref("aws_s3_bucket", Object.keys(synth.resources("aws_s3_bucket"))[0], "arn");

describe("the load balancer's access logs", () => {
  it("go to a dedicated bucket under the load balancer's prefix, once the bucket policy lets them", () => {
    const synth = synthAlb();
    const bucketId = Object.keys(synth.resources("aws_s3_bucket"))[0];
    const policyId = Object.keys(synth.resources("aws_s3_bucket_policy"))[0];
    expect(synth.text).toHaveResourceWithProperties(Lb, {
      access_logs: {
        enabled: true,
        bucket: ref("aws_s3_bucket", bucketId, "bucket"),
        prefix: "shop-prod",
      },
    });
    expect(synth.resource("aws_lb").depends_on).toContain(`aws_s3_bucket_policy.${policyId}`);
    expect(synth.resource("aws_s3_bucket")).toMatchObject({ bucket_prefix: "shop-prod-alb-logs-" });
  });

  it("are kept in a private, versioned bucket encrypted with S3-managed keys, the only kind ELB can write to", () => {
    const { text } = synthAlb();
    expect(text).toHaveResourceWithProperties(S3BucketServerSideEncryptionConfigurationA, {
      rule: [{ apply_server_side_encryption_by_default: { sse_algorithm: "AES256" } }],
    });
    expect(text).toHaveResourceWithProperties(S3BucketVersioningA, {
      versioning_configuration: { status: "Enabled" },
    });
    expect(text).toHaveResourceWithProperties(S3BucketPublicAccessBlock, {
      block_public_acls: true,
      block_public_policy: true,
      ignore_public_acls: true,
      restrict_public_buckets: true,
    });
    expect(text).toHaveResourceWithProperties(S3BucketOwnershipControls, {
      rule: { object_ownership: "BucketOwnerEnforced" },
    });
  });

  it("expire after the configured days, old versions and unfinished uploads after a day", () => {
    const rules = synthAlb({ accessLogExpirationDays: 400 }).resource(
      "aws_s3_bucket_lifecycle_configuration",
    ).rule as TerraformBlock[];
    expect(rules).toEqual([
      expect.objectContaining({
        status: "Enabled",
        expiration: [{ days: 400 }],
        noncurrent_version_expiration: [{ noncurrent_days: 1 }],
        abort_incomplete_multipart_upload: [{ days_after_initiation: 1 }],
      }),
      expect.objectContaining({
        status: "Enabled",
        expiration: [{ expired_object_delete_marker: true }],
      }),
    ]);
  });

  it("stay when the stack is destroyed while deletion protection is on", () => {
    expect(synthAlb({ deletionProtection: true }).resource("aws_s3_bucket").force_destroy).toBe(
      false,
    );
    expect(synthAlb({ deletionProtection: false }).resource("aws_s3_bucket").force_destroy).toBe(
      true,
    );
  });

  it("are written, in a region older than August 2022, by the region's ELB account, read offline from the provider", () => {
    const synth = synthAlb({ region: "eu-west-1", accountId: "123456789012" });
    const accounts = synth.json.data?.aws_elb_service_account ?? {};
    const [accountId] = Object.keys(accounts);
    expect(accounts[accountId]).toMatchObject({ region: "eu-west-1" });
    const [delivery] = bucketPolicy(synth).filter((s) => s.sid === "LoadBalancerLogDelivery");
    expect(delivery).toEqual({
      sid: "LoadBalancerLogDelivery",
      effect: "Allow",
      principals: [
        { type: "AWS", identifiers: [ref("data.aws_elb_service_account", accountId, "arn")] },
      ],
      actions: ["s3:PutObject"],
      resources: [`${bucketArn(synth)}/shop-prod/AWSLogs/123456789012/*`],
    });
  });

  it("are written, in a region opened since, by the log delivery service principal", () => {
    const synth = synthAlb({ region: "ap-south-2" });
    expect(synth.json.data?.aws_elb_service_account).toBeUndefined();
    const [delivery] = bucketPolicy(synth).filter((s) => s.sid === "LoadBalancerLogDelivery");
    expect(delivery.principals).toEqual([
      { type: "Service", identifiers: ["logdelivery.elasticloadbalancing.amazonaws.com"] },
    ]);
    expect(delivery.resources).toEqual([`${bucketArn(synth)}/shop-prod/AWSLogs/*/*`]);
  });

  it("cannot be read or written over plain HTTP or TLS older than 1.2", () => {
    const synth = synthAlb();
    const denies = bucketPolicy(synth).filter((s) => s.effect === "Deny");
    const everything = [bucketArn(synth), `${bucketArn(synth)}/*`];
    expect(denies).toEqual([
      expect.objectContaining({
        principals: [{ type: "*", identifiers: ["*"] }],
        actions: ["s3:*"],
        resources: everything,
        condition: [{ test: "Bool", variable: "aws:SecureTransport", values: ["false"] }],
      }),
      expect.objectContaining({
        actions: ["s3:*"],
        resources: everything,
        condition: [{ test: "NumericLessThan", variable: "s3:TlsVersion", values: ["1.2"] }],
      }),
    ]);
  });
});
