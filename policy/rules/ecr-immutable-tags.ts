import { defineRule } from "../rule";

const IMMUTABLE = ["IMMUTABLE", "IMMUTABLE_WITH_EXCLUSION"];

/**
 * Image tags cannot be overwritten: a tag always names the image that was reviewed and scanned.
 *
 * References: checkov CKV_AWS_51; trivy AVD-AWS-0031 (aws-ecr-enforce-immutable-repository);
 * cdk-nag has no tag mutability rule.
 */
export const ecrImmutableTags = defineRule({
  id: "SEC-ECR-002",
  title: "ECR repository with mutable tags",
  references: { checkov: ["CKV_AWS_51"], trivy: ["AVD-AWS-0031"], cdkNag: [] },
  fix: 'set image_tag_mutability = "IMMUTABLE" (push each build under a new tag)',
  appliesTo: ["aws_ecr_repository"],
  check({ attributes }) {
    const mutability = String(attributes.image_tag_mutability ?? "MUTABLE");
    return IMMUTABLE.includes(mutability)
      ? []
      : [{ problem: `image_tag_mutability is ${mutability}` }];
  },
});
