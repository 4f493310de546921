import { CloudwatchLogGroup } from "@cdktf/provider-aws/lib/cloudwatch-log-group";
import { Wafv2WebAcl } from "@cdktf/provider-aws/lib/wafv2-web-acl";
import { Wafv2WebAclAssociation } from "@cdktf/provider-aws/lib/wafv2-web-acl-association";
import { WafModule, type WafModuleProps } from "../../modules/waf";
import { ref, synthScope, type Synthesized, type TerraformBlock } from "../support/synth";

const LB_ARN = "arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/shop-prod/1";

function synthWaf(overrides: Partial<WafModuleProps> = {}): Synthesized {
  return synthScope((scope) => {
    new WafModule(scope, "waf", {
      name: "shop-prod",
      region: "us-east-1",
      resourceArn: LB_ARN,
      rateLimit: 2000,
      logRetentionDays: 30,
      ...overrides,
    });
  });
}

const idOf = (synth: Synthesized, type: string) => Object.keys(synth.resources(type))[0];
const visible = (metricName: string) => ({
  cloudwatch_metrics_enabled: true,
  metric_name: metricName,
  sampled_requests_enabled: true,
});

describe("WafModule", () => {
  it("is a regional web ACL that allows what no rule blocks, with metrics and samples", () => {
    expect(synthWaf().text).toHaveResourceWithProperties(Wafv2WebAcl, {
      name: "shop-prod",
      scope: "REGIONAL",
      default_action: { allow: {} },
      visibility_config: visible("shop-prod"),
    });
  });

  it("blocks an IP over the rate limit in 5 minutes first, then applies AWS's managed rule groups", () => {
    const rules = synthWaf({ rateLimit: 500 }).resource("aws_wafv2_web_acl")
      .rule as TerraformBlock[];
    expect(rules).toEqual([
      {
        name: "rate-limit-per-ip",
        priority: 0,
        action: { block: {} },
        statement: {
          rate_based_statement: {
            limit: 500,
            aggregate_key_type: "IP",
            evaluation_window_sec: 300,
          },
        },
        visibility_config: visible("rate-limit-per-ip"),
      },
      ...[
        "AWSManagedRulesAmazonIpReputationList",
        "AWSManagedRulesCommonRuleSet",
        "AWSManagedRulesKnownBadInputsRuleSet",
        "AWSManagedRulesSQLiRuleSet",
      ].map((name, i) => ({
        name,
        priority: 10 * (i + 1),
        override_action: { none: {} },
        statement: { managed_rule_group_statement: { name, vendor_name: "AWS" } },
        visibility_config: visible(name),
      })),
    ]);
  });

  it("protects the load balancer it is given", () => {
    const synth = synthWaf();
    expect(synth.text).toHaveResourceWithProperties(Wafv2WebAclAssociation, {
      resource_arn: LB_ARN,
      web_acl_arn: ref("aws_wafv2_web_acl", idOf(synth, "aws_wafv2_web_acl"), "arn"),
    });
  });

  it("logs every request to an aws-waf-logs- log group with retention, credentials redacted", () => {
    const synth = synthWaf({ logRetentionDays: 365 });
    expect(synth.text).toHaveResourceWithProperties(CloudwatchLogGroup, {
      name: "aws-waf-logs-shop-prod",
      retention_in_days: 365,
    });
    const logging = synth.resource("aws_wafv2_web_acl_logging_configuration");
    expect(logging).toMatchObject({
      resource_arn: ref("aws_wafv2_web_acl", idOf(synth, "aws_wafv2_web_acl"), "arn"),
      log_destination_configs: [
        ref("aws_cloudwatch_log_group", idOf(synth, "aws_cloudwatch_log_group"), "arn"),
      ],
      redacted_fields: [
        { single_header: { name: "authorization" } },
        { single_header: { name: "cookie" } },
      ],
    });
    expect(logging.logging_filter).toBeUndefined();
  });

  it("lets log delivery write to that log group only, for this account when known, before logging starts", () => {
    const synth = synthWaf({ accountId: "123456789012" });
    const logGroupArn = ref(
      "aws_cloudwatch_log_group",
      idOf(synth, "aws_cloudwatch_log_group"),
      "arn",
    );
    const documents = synth.json.data!.aws_iam_policy_document;
    const documentId = Object.keys(documents)[0];
    expect(synth.resource("aws_cloudwatch_log_resource_policy")).toMatchObject({
      policy_name: "shop-prod-waf-log-delivery",
      policy_document: ref("data.aws_iam_policy_document", documentId, "json"),
    });
    expect(documents[documentId].statement).toEqual([
      {
        sid: "WafLogDelivery",
        principals: [{ type: "Service", identifiers: ["delivery.logs.amazonaws.com"] }],
        actions: ["logs:CreateLogStream", "logs:PutLogEvents"],
        resources: [`${logGroupArn}:log-stream:*`],
        condition: [
          { test: "StringEquals", variable: "aws:SourceAccount", values: ["123456789012"] },
          {
            test: "ArnLike",
            variable: "aws:SourceArn",
            values: ["arn:aws:logs:us-east-1:123456789012:*"],
          },
        ],
      },
    ]);
    expect(synth.resource("aws_wafv2_web_acl_logging_configuration").depends_on).toEqual([
      `aws_cloudwatch_log_resource_policy.${idOf(synth, "aws_cloudwatch_log_resource_policy")}`,
    ]);
  });

  it("encrypts its log group with the KMS key it is given", () => {
    const key = "arn:aws:kms:us-east-1:123456789012:key/1";
    expect(synthWaf({ logsKmsKeyArn: key }).resource("aws_cloudwatch_log_group").kms_key_id).toBe(
      key,
    );
  });
});
