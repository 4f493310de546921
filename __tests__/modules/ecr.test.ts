import { EcrRepository } from "@cdktf/provider-aws/lib/ecr-repository";
import { TerraformOutput } from "cdktf";
import { EcrModule, type EcrModuleProps } from "../../modules/ecr";
import { logicalId, ref, synthScope, type Synthesized } from "../support/synth";

function synthEcr(overrides: Partial<EcrModuleProps> = {}): Synthesized {
  return synthScope((scope) => {
    new EcrModule(scope, "ecr", {
      namespace: "shop-prod",
      repositories: ["users", "products"],
      keepImages: 2,
      forceDelete: false,
      ...overrides,
    });
  });
}

describe("EcrModule", () => {
  it("creates a private repository per service: immutable tags, scan on push, KMS encryption", () => {
    const synth = synthEcr();
    expect(Object.keys(synth.resources("aws_ecr_repository"))).toHaveLength(2);
    expect(synth.text).toHaveResourceWithProperties(EcrRepository, {
      name: "shop-prod/users",
      image_tag_mutability: "IMMUTABLE",
      image_scanning_configuration: { scan_on_push: true },
      encryption_configuration: [{ encryption_type: "KMS" }],
      force_delete: false,
    });
  });

  it("uses a customer KMS key when given, and force-deletes only when asked", () => {
    const synth = synthEcr({
      kmsKeyArn: "arn:aws:kms:us-east-1:123456789012:key/abc",
      forceDelete: true,
    });
    expect(synth.resourceAt("aws_ecr_repository", "repository-users")).toMatchObject({
      encryption_configuration: [
        { encryption_type: "KMS", kms_key: "arn:aws:kms:us-east-1:123456789012:key/abc" },
      ],
      force_delete: true,
    });
  });

  it.each([2, 7])(
    "keeps the newest images (keepImages %p) and expires untagged ones after a day",
    (keepImages) => {
      const synth = synthEcr({ keepImages });
      const policy = synth.resourceAt("aws_ecr_lifecycle_policy", "lifecycle-policy-users");
      expect(policy.repository).toBe(
        ref(
          "aws_ecr_repository",
          logicalId(synth, "aws_ecr_repository", "repository-users"),
          "name",
        ),
      );
      expect(JSON.parse(policy.policy as string)).toEqual({
        rules: [
          {
            rulePriority: 1,
            description: "Expire untagged images after one day",
            selection: {
              tagStatus: "untagged",
              countType: "sinceImagePushed",
              countUnit: "days",
              countNumber: 1,
            },
            action: { type: "expire" },
          },
          {
            rulePriority: 2,
            description: `Keep the ${keepImages} most recent images`,
            selection: {
              tagStatus: "any",
              countType: "imageCountMoreThan",
              countNumber: keepImages,
            },
            action: { type: "expire" },
          },
        ],
      });
    },
  );

  it("exposes each repository's URL and ARN, found by service name", () => {
    const synth = synthScope((scope) => {
      const ecr = new EcrModule(scope, "ecr", {
        namespace: "n",
        repositories: ["users", "products"],
        keepImages: 2,
        forceDelete: false,
      });
      expect(ecr.repositories.map((r) => r.name)).toEqual(["users", "products"]);
      expect(() => ecr.repository("orders")).toThrow(
        'no repository "orders"; pass it in the ECR module\'s repositories',
      );
      new TerraformOutput(scope, "users", { value: ecr.repository("users") });
    });
    const id = logicalId(synth, "aws_ecr_repository", "users");
    expect(synth.json.output!.users.value).toEqual({
      name: "users",
      url: ref("aws_ecr_repository", id, "repository_url"),
      arn: ref("aws_ecr_repository", id, "arn"),
    });
  });
});
