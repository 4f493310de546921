import { CloudwatchLogGroup } from "@cdktf/provider-aws/lib/cloudwatch-log-group";
import { CloudwatchLogResourcePolicy } from "@cdktf/provider-aws/lib/cloudwatch-log-resource-policy";
import { DataAwsIamPolicyDocument } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";
import { Wafv2WebAcl } from "@cdktf/provider-aws/lib/wafv2-web-acl";
import { Wafv2WebAclAssociation } from "@cdktf/provider-aws/lib/wafv2-web-acl-association";
import { Wafv2WebAclLoggingConfiguration } from "@cdktf/provider-aws/lib/wafv2-web-acl-logging-configuration";
import { Construct } from "constructs";
import { serviceTrustStatement } from "../../constructs";
import { wafNames } from "../../lib/names/waf";
import { webAclRules } from "./web-acl-rules";

/** Request headers whose values never reach the logs: credentials and sessions. */
export const REDACTED_HEADERS = ["authorization", "cookie"] as const;

export interface WafModuleProps {
  /** Name of the web ACL and prefix of its log group, e.g. "shop-prod". */
  readonly name: string;
  /** The region, for the log delivery's source condition. */
  readonly region: string;
  /** When known, log delivery is accepted only on behalf of this account (confused-deputy guard). */
  readonly accountId?: string;
  /** The resource the web ACL protects: the load balancer's ARN. */
  readonly resourceArn: string;
  /** Requests one client IP may make in any 5 minutes before it is blocked. */
  readonly rateLimit: number;
  /** Days CloudWatch keeps the web ACL's logs. */
  readonly logRetentionDays: number;
  /** A KMS key to encrypt the log group with. @default CloudWatch Logs' own encryption */
  readonly logsKmsKeyArn?: string;
}

/**
 * A regional AWS WAF web ACL on the load balancer: a per-IP rate limit and AWS's managed rule
 * groups (IP reputation, common attacks, known bad inputs, SQL injection), allowing whatever they
 * do not block; metrics and sampled requests for each rule; and every request logged to CloudWatch
 * Logs with credentials redacted.
 */
export class WafModule extends Construct {
  /** The web ACL's ARN. */
  public readonly webAclArn: string;
  /** Its name (for CloudWatch metrics). */
  public readonly webAclName: string;
  /** The log group of its request logs. */
  public readonly logGroupName: string;

  constructor(scope: Construct, id: string, props: WafModuleProps) {
    super(scope, id);
    const { name } = props;
    const names = wafNames(name);

    const webAcl = new Wafv2WebAcl(this, "web-acl", {
      name: names.webAcl,
      description: `Protects the load balancer of ${name}`,
      scope: "REGIONAL",
      defaultAction: { allow: {} },
      rule: webAclRules(props.rateLimit),
      visibilityConfig: {
        cloudwatchMetricsEnabled: true,
        metricName: name,
        sampledRequestsEnabled: true,
      },
      tags: { Name: name },
    });

    new Wafv2WebAclAssociation(this, "association", {
      resourceArn: props.resourceArn,
      webAclArn: webAcl.arn,
    });

    const logGroup = new CloudwatchLogGroup(this, "log-group", {
      name: names.logGroup,
      retentionInDays: props.logRetentionDays,
      kmsKeyId: props.logsKmsKeyArn,
      tags: { Name: names.logGroup },
    });

    // WAF writes through CloudWatch Logs' log delivery service. Granted here, to this log group
    // only, instead of letting WAF write a broader account-wide policy at first delivery.
    const deliveryPolicy = new DataAwsIamPolicyDocument(this, "log-delivery-policy-document", {
      statement: [
        serviceTrustStatement({
          sid: "WafLogDelivery",
          service: "delivery.logs.amazonaws.com",
          actions: ["logs:CreateLogStream", "logs:PutLogEvents"],
          resources: [`${logGroup.arn}:log-stream:*`],
          account: props.accountId,
          sourceArns: props.accountId
            ? [`arn:aws:logs:${props.region}:${props.accountId}:*`]
            : undefined,
        }),
      ],
    });
    const resourcePolicy = new CloudwatchLogResourcePolicy(this, "log-delivery-policy", {
      policyName: `${name}-waf-log-delivery`,
      policyDocument: deliveryPolicy.json,
    });

    new Wafv2WebAclLoggingConfiguration(this, "logging", {
      resourceArn: webAcl.arn,
      logDestinationConfigs: [logGroup.arn],
      redactedFields: REDACTED_HEADERS.map((header) => ({ singleHeader: { name: header } })),
      dependsOn: [resourcePolicy],
    });

    this.webAclArn = webAcl.arn;
    this.webAclName = webAcl.name;
    this.logGroupName = logGroup.name;
  }
}
