import type { DataAwsIamPolicyDocumentStatement } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";

/**
 * The file system's own policy: every client connects over TLS and through an access point (which
 * fixes its POSIX user and root directory), whatever its IAM permissions say.
 */
export function fileSystemStatements(fileSystemArn: string): DataAwsIamPolicyDocumentStatement[] {
  const everyone = [{ type: "AWS", identifiers: ["*"] }];
  return [
    {
      sid: "DenyInsecureTransport",
      effect: "Deny",
      principals: everyone,
      actions: ["*"],
      resources: [fileSystemArn],
      condition: [{ test: "Bool", variable: "aws:SecureTransport", values: ["false"] }],
    },
    {
      sid: "DenyMountsWithoutAccessPoint",
      effect: "Deny",
      principals: everyone,
      actions: [
        "elasticfilesystem:ClientMount",
        "elasticfilesystem:ClientWrite",
        "elasticfilesystem:ClientRootAccess",
      ],
      resources: [fileSystemArn],
      condition: [{ test: "Null", variable: "elasticfilesystem:AccessPointArn", values: ["true"] }],
    },
  ];
}
