import { S3BucketAcl } from "@cdktf/provider-aws/lib/s3-bucket-acl";
import { s3AccessLogging } from "../../policy/rules/s3-access-logging";
import { s3PublicAccess } from "../../policy/rules/s3-public-access";
import { s3TlsOnly } from "../../policy/rules/s3-tls-only";
import { bucket } from "../support/policy-fixtures";
import { describePolicyRules } from "../support/policy-rule-cases";

describePolicyRules("S3 rules", [
  {
    title: "a bucket without a public access block",
    rule: s3PublicAccess,
    violating: (stack) => bucket(stack, { publicAccessBlock: "none" }),
    compliant: (stack) => bucket(stack),
    findings: [["bucket", "has no public access block"]],
  },
  {
    title: "a public access block with settings off",
    rule: s3PublicAccess,
    violating: (stack) =>
      bucket(stack, {
        publicAccessBlock: { blockPublicPolicy: false, restrictPublicBuckets: false },
      }),
    compliant: (stack) => bucket(stack, { publicAccessBlock: {} }),
    findings: [
      ["bucket", "its public access block leaves block_public_policy, restrict_public_buckets off"],
    ],
  },
  {
    title: "a public canned ACL",
    rule: s3PublicAccess,
    violating: (stack) => {
      const b = bucket(stack);
      new S3BucketAcl(stack, "acl", { bucket: b.id, acl: "public-read" });
      return b;
    },
    compliant: (stack) => {
      const b = bucket(stack);
      new S3BucketAcl(stack, "acl", { bucket: b.id, acl: "private" });
    },
    findings: [["bucket", "grants the canned ACL public-read"]],
  },
  {
    title: "a bucket policy allowing everyone",
    rule: s3PublicAccess,
    violating: (stack) =>
      bucket(stack, {
        statements: [
          {
            sid: "PublicRead",
            principals: [{ type: "AWS", identifiers: ["*"] }],
            actions: ["s3:GetObject"],
            resources: ["arn:aws:s3:::policy-test-bucket/*"],
          },
        ],
      }),
    compliant: (stack) =>
      bucket(stack, {
        statements: [
          {
            sid: "ReadFromOneEndpoint",
            principals: [{ type: "AWS", identifiers: ["*"] }],
            actions: ["s3:GetObject"],
            resources: ["arn:aws:s3:::policy-test-bucket/*"],
            condition: [
              { test: "StringEquals", variable: "aws:SourceVpce", values: ["vpce-0123456789"] },
            ],
          },
        ],
      }),
    findings: [
      ["bucket", 'its bucket policy statement "PublicRead" allows everyone without a condition'],
    ],
  },
  {
    title: "a bucket without a policy",
    rule: s3TlsOnly,
    violating: (stack) => bucket(stack, { tlsOnly: false }),
    compliant: (stack) => bucket(stack, { tlsOnly: true }),
    findings: [["bucket", "has no bucket policy"]],
  },
  {
    title: "a bucket policy that accepts plain HTTP",
    rule: s3TlsOnly,
    violating: (stack) =>
      bucket(stack, {
        tlsOnly: false,
        statements: [
          {
            sid: "DenyOtherAccounts",
            effect: "Deny",
            principals: [{ type: "*", identifiers: ["*"] }],
            actions: ["s3:*"],
            resources: ["arn:aws:s3:::policy-test-bucket/*"],
            condition: [
              {
                test: "StringNotEquals",
                variable: "aws:PrincipalAccount",
                values: ["123456789012"],
              },
            ],
          },
        ],
      }),
    compliant: (stack) => bucket(stack),
    findings: [
      ["bucket", "its bucket policy does not deny requests where aws:SecureTransport is false"],
    ],
  },
  {
    title: "a bucket without server access logs",
    rule: s3AccessLogging,
    violating: (stack) => bucket(stack, { accessLogs: false }),
    compliant: (stack) => bucket(stack),
    findings: [["bucket", "has no server access logging"]],
  },
]);
