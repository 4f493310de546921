import type { DataAwsIamPolicyDocumentStatement } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";

/** Denies every S3 request to the bucket over plain HTTP or TLS older than 1.2, whoever sends it. */
export function tlsOnlyStatements(bucketArn: string): DataAwsIamPolicyDocumentStatement[] {
  const everyone = [{ type: "*", identifiers: ["*"] }];
  const resources = [bucketArn, `${bucketArn}/*`];
  return [
    {
      sid: "DenyInsecureTransport",
      effect: "Deny",
      principals: everyone,
      actions: ["s3:*"],
      resources,
      condition: [{ test: "Bool", variable: "aws:SecureTransport", values: ["false"] }],
    },
    {
      sid: "DenyOutdatedTls",
      effect: "Deny",
      principals: everyone,
      actions: ["s3:*"],
      resources,
      condition: [{ test: "NumericLessThan", variable: "s3:TlsVersion", values: ["1.2"] }],
    },
  ];
}
