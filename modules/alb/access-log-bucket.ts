import type { DataAwsIamPolicyDocumentStatementPrincipals } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";
import { DataAwsElbServiceAccount } from "@cdktf/provider-aws/lib/data-aws-elb-service-account";
import { Fn } from "cdktf";
import type { Construct } from "constructs";
import { HardenedBucket, serviceTrustStatement } from "../../constructs";
import { elbLogDeliverer } from "../../lib/elb-log-delivery";

/** Where the environment's buckets deliver their S3 server access logs in the log bucket. */
export const SERVER_ACCESS_LOG_PREFIX = "s3-access-logs/";

export interface AccessLogBucketProps {
  /** Start of the bucket's name; S3 appends a unique suffix (bucket names are global). */
  readonly bucketPrefix: string;
  /** The load balancer's region: it decides who delivers the logs. */
  readonly region: string;
  /** When known, the only account whose load balancers and buckets may write here. */
  readonly accountId?: string;
  /** The key prefix the load balancer writes under (no leading or trailing slash). */
  readonly logPrefix: string;
  /** The start of the names of the buckets whose server access logs may be delivered here. */
  readonly sourceBucketPrefix: string;
  /** Days a log file is kept. */
  readonly expirationDays: number;
  /** Let `terraform destroy` delete the bucket with its logs. */
  readonly forceDestroy: boolean;
}

/**
 * The environment's log bucket: the load balancer's access logs (written by Elastic Load
 * Balancing's log delivery under the log prefix only) and the S3 server access logs of the
 * environment's buckets (written by S3's logging service, for those buckets only, under
 * `s3-access-logs/`), emptied of logs older than the expiration. SSE-S3, the only encryption
 * either delivery accepts.
 */
export function accessLogBucket(scope: Construct, props: AccessLogBucketProps): HardenedBucket {
  return new HardenedBucket(scope, "access-logs", {
    bucketPrefix: props.bucketPrefix,
    nameTag: `${props.bucketPrefix}access-logs`,
    forceDestroy: props.forceDestroy,
    encryption: {
      s3ManagedBecause:
        "Elastic Load Balancing and S3 server access logging deliver logs only to buckets encrypted with S3-managed keys (SSE-S3); a KMS default encryption would stop log delivery",
    },
    accessLogs: {
      noneBecause:
        "the environment's log bucket: server access logs of itself would log every log delivery, and there is no other log bucket to send them to",
    },
    noReplicationBecause:
      "logs expire after the environment's access-log expiration; a second region would only keep a copy of what is deleted anyway",
    policyStatements: (bucketArn) => {
      const partition = Fn.element(Fn.split(":", bucketArn), 1);
      return [
        {
          sid: "LoadBalancerLogDelivery",
          effect: "Allow",
          principals: [deliverer(scope, props.region)],
          actions: ["s3:PutObject"],
          resources: [`${bucketArn}/${props.logPrefix}/AWSLogs/${props.accountId ?? "*"}/*`],
        },
        serviceTrustStatement({
          sid: "S3ServerAccessLogDelivery",
          service: "logging.s3.amazonaws.com",
          actions: ["s3:PutObject"],
          resources: [`${bucketArn}/${SERVER_ACCESS_LOG_PREFIX}*`],
          account: props.accountId,
          sourceArns: [`arn:${partition}:s3:::${props.sourceBucketPrefix}*`],
        }),
      ];
    },
    lifecycleRules: [
      {
        id: "expire-access-logs",
        status: "Enabled",
        filter: [{ prefix: "" }],
        expiration: [{ days: props.expirationDays }],
        // Logs are never overwritten; a noncurrent version is an expired log: drop it soon.
        noncurrentVersionExpiration: [{ noncurrentDays: 1 }],
        abortIncompleteMultipartUpload: [{ daysAfterInitiation: 1 }],
      },
      {
        id: "remove-expired-delete-markers",
        status: "Enabled",
        filter: [{ prefix: "" }],
        expiration: [{ expiredObjectDeleteMarker: true }],
      },
    ],
  });
}

function deliverer(scope: Construct, region: string): DataAwsIamPolicyDocumentStatementPrincipals {
  const deliverer = elbLogDeliverer(region);
  if (deliverer.kind === "service-principal") {
    return { type: "Service", identifiers: [deliverer.service] };
  }
  const account = new DataAwsElbServiceAccount(scope, "elb-account", { region });
  return { type: "AWS", identifiers: [account.arn] };
}
