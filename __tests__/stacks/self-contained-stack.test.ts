import { S3Bucket } from "@cdktf/provider-aws/lib/s3-bucket";
import { SnsTopic } from "@cdktf/provider-aws/lib/sns-topic";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { App, TerraformStack, Testing } from "cdktf";
import type { Construct } from "constructs";
import { undeclaredReferences } from "../../lib/stack-references";
import { SelfContainedStack } from "../../stacks/self-contained-stack";

/** A bucket and a topic named after it, in a stack of the given kind. */
function build(stack: TerraformStack): TerraformStack {
  new AwsProvider(stack, "aws", { region: "eu-west-1" });
  const bucket = new S3Bucket(stack, "bucket", { bucketPrefix: "data-" });
  new SnsTopic(stack, "topic", { name: `${bucket.bucket}-events`, dependsOn: [bucket] });
  return stack;
}

describe("a self-contained stack", () => {
  it("synthesizes exactly what a plain cdktf stack does", () => {
    const plain = Testing.synth(build(new TerraformStack(Testing.app(), "s")), true);
    const contained = Testing.synth(build(new SelfContainedStack(Testing.app(), "s")), true);
    expect(contained).toBe(plain);
  });

  it("stops synthesis, naming the address, when it refers to another stack's resource", () => {
    const app = new App({ outdir: Testing.app().outdir, stackTraces: false });
    const producer = build(new SelfContainedStack(app, "producer"));
    const consumer = new SelfContainedStack(app, "consumer");
    new AwsProvider(consumer, "aws", { region: "eu-west-1" });
    const bucket = producer.node.findChild("bucket") as S3Bucket;
    new SnsTopic(consumer as Construct, "topic", { name: bucket.bucket });
    expect(() => app.synth()).toThrow(
      /stack "consumer" refers to aws_s3_bucket\.bucket, which it does not declare: stacks must not refer to each other's resources/,
    );
  });
});

describe("undeclaredReferences", () => {
  it("lists what expressions and depends_on name without the stack declaring it, each once", () => {
    expect(
      undeclaredReferences({
        resource: {
          aws_sns_topic: {
            topic: {
              name: "${aws_s3_bucket.elsewhere.bucket}-${var.suffix}",
              policy: "${jsonencode(data.aws_iam_policy_document.doc.json)}",
              kms_master_key_id: "${aws_kms_key.key.arn}",
              depends_on: ["aws_s3_bucket.elsewhere", "aws_kms_key.key"],
            },
          },
          aws_kms_key: { key: {} },
        },
      }),
    ).toEqual(["aws_s3_bucket.elsewhere", "data.aws_iam_policy_document.doc"]);
  });
});
