/**
 * Who writes a load balancer's access logs into S3 depends on the region's age. In the regions
 * opened before August 2022, Elastic Load Balancing writes as a regional AWS account of its own
 * (Terraform's `aws_elb_service_account` data source knows it, offline); in regions opened since,
 * it writes as the log delivery service principal, and that data source has no account to give.
 */
export type ElbLogDeliverer =
  | { readonly kind: "regional-account" }
  | { readonly kind: "service-principal"; readonly service: string };

export const ELB_LOG_DELIVERY_SERVICE = "logdelivery.elasticloadbalancing.amazonaws.com";

/** The regions where Elastic Load Balancing delivers logs from a regional account. */
export const ELB_ACCOUNT_REGIONS: ReadonlySet<string> = new Set([
  "af-south-1",
  "ap-east-1",
  "ap-northeast-1",
  "ap-northeast-2",
  "ap-northeast-3",
  "ap-south-1",
  "ap-southeast-1",
  "ap-southeast-2",
  "ap-southeast-3",
  "ca-central-1",
  "cn-north-1",
  "cn-northwest-1",
  "eu-central-1",
  "eu-north-1",
  "eu-south-1",
  "eu-west-1",
  "eu-west-2",
  "eu-west-3",
  "me-south-1",
  "sa-east-1",
  "us-east-1",
  "us-east-2",
  "us-gov-east-1",
  "us-gov-west-1",
  "us-west-1",
  "us-west-2",
]);

/** The principal a bucket policy must let write a region's load balancer access logs. */
export function elbLogDeliverer(region: string): ElbLogDeliverer {
  return ELB_ACCOUNT_REGIONS.has(region)
    ? { kind: "regional-account" }
    : { kind: "service-principal", service: ELB_LOG_DELIVERY_SERVICE };
}
