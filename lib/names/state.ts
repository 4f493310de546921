/**
 * The KMS alias of the key that encrypts a Terraform state bucket. The state stack creates it and
 * every environment's S3 backend names it, both from the bucket name, so the two cannot disagree.
 * Dots (allowed in bucket names, not in aliases) become hyphens; the "terraform-state/" prefix
 * keeps a bucket named "aws-..." clear of the reserved "alias/aws" prefix.
 */
export function stateKeyAlias(bucket: string): string {
  return `alias/terraform-state/${bucket.replace(/\./g, "-")}`;
}
