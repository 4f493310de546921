import { statementsIn } from "../policy-documents";
import { defineRule, type Finding } from "../rule";
import { bucketConfigurations } from "./s3-buckets";

const BLOCK_SETTINGS = [
  "block_public_acls",
  "block_public_policy",
  "ignore_public_acls",
  "restrict_public_buckets",
];
const PUBLIC_ACLS = ["public-read", "public-read-write", "authenticated-read"];

/**
 * No bucket can be made public: a public access block with all four settings on, no public
 * canned ACL, and no bucket policy statement that allows everyone without a condition.
 *
 * References: checkov CKV2_AWS_6, CKV_AWS_53, CKV_AWS_54, CKV_AWS_55, CKV_AWS_56, CKV_AWS_20,
 * CKV_AWS_57; trivy AVD-AWS-0086, AVD-AWS-0087, AVD-AWS-0091, AVD-AWS-0093, AVD-AWS-0094,
 * AVD-AWS-0092; cdk-nag S3BucketLevelPublicAccessProhibited, S3BucketPublicReadProhibited,
 * S3BucketPublicWriteProhibited.
 */
export const s3PublicAccess = defineRule({
  id: "SEC-S3-001",
  title: "S3 bucket may be public",
  references: {
    checkov: [
      "CKV2_AWS_6",
      "CKV_AWS_53",
      "CKV_AWS_54",
      "CKV_AWS_55",
      "CKV_AWS_56",
      "CKV_AWS_20",
      "CKV_AWS_57",
    ],
    trivy: [
      "AVD-AWS-0086",
      "AVD-AWS-0087",
      "AVD-AWS-0091",
      "AVD-AWS-0093",
      "AVD-AWS-0094",
      "AVD-AWS-0092",
    ],
    cdkNag: [
      "S3BucketLevelPublicAccessProhibited",
      "S3BucketPublicReadProhibited",
      "S3BucketPublicWriteProhibited",
    ],
  },
  fix: 'add an aws_s3_bucket_public_access_block with all four settings true, drop public ACLs, and give every Allow to "*" a condition (or name the principals)',
  appliesTo: ["aws_s3_bucket"],
  check(bucket, inventory) {
    const findings: Finding[] = [];
    const blocks = bucketConfigurations(bucket, inventory, "aws_s3_bucket_public_access_block");
    if (blocks.length === 0) findings.push({ problem: "has no public access block" });
    for (const block of blocks) {
      const off = BLOCK_SETTINGS.filter((setting) => block.attributes[setting] !== true);
      if (off.length > 0) {
        findings.push({ problem: `its public access block leaves ${off.join(", ")} off` });
      }
    }
    const acls = [
      bucket.attributes.acl,
      ...bucketConfigurations(bucket, inventory, "aws_s3_bucket_acl").map((a) => a.attributes.acl),
    ];
    for (const acl of acls.filter((acl) => PUBLIC_ACLS.includes(String(acl)))) {
      findings.push({ problem: `grants the canned ACL ${String(acl)}` });
    }
    for (const policy of bucketConfigurations(bucket, inventory, "aws_s3_bucket_policy")) {
      for (const statement of statementsIn(policy.attributes.policy, inventory) ?? []) {
        const everyone = statement.principals.some(
          (p) => (p.type === "*" || p.type === "AWS") && p.identifiers.includes("*"),
        );
        if (statement.effect === "Allow" && everyone && statement.conditions.length === 0) {
          findings.push({
            problem: `its bucket policy statement "${statement.label}" allows everyone without a condition`,
            subject: statement.label,
          });
        }
      }
    }
    return findings;
  },
});
