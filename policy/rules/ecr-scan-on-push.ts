import { blocksOf } from "../inventory";
import { defineRule } from "../rule";

/**
 * Every repository scans images for known vulnerabilities when they are pushed.
 *
 * References: checkov CKV_AWS_163; trivy AVD-AWS-0030 (aws-ecr-enable-image-scans); cdk-nag has no
 * scanning rule.
 */
export const ecrScanOnPush = defineRule({
  id: "SEC-ECR-001",
  title: "ECR repository without scan on push",
  references: { checkov: ["CKV_AWS_163"], trivy: ["AVD-AWS-0030"], cdkNag: [] },
  fix: "set image_scanning_configuration { scan_on_push = true }",
  appliesTo: ["aws_ecr_repository"],
  check({ attributes }) {
    const scanning = blocksOf(attributes.image_scanning_configuration)[0];
    return scanning?.scan_on_push === true
      ? []
      : [{ problem: "image_scanning_configuration.scan_on_push is not true" }];
  },
});
