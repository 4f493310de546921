import { TerraformOutput } from "cdktf";
import { KEY_ADMINISTRATION_ACTIONS, KEY_USE_ACTIONS } from "../../constructs";
import { ObservabilityModule, type ObservabilityModuleProps } from "../../modules/observability";
import { alarmNamed as alarm, alarmsOf } from "../support/observed-fixture";
import { logicalId, ref, synthScope, type Synthesized } from "../support/synth";

const PROPS: ObservabilityModuleProps = {
  name: "shop-prod",
  region: "us-east-1",
  loadBalancerArnSuffix: "app/shop-prod/abc",
  services: [
    { name: "users", targetGroupArnSuffix: "targetgroup/shop-prod-users/1" },
    { name: "products", targetGroupArnSuffix: "targetgroup/shop-prod-products/2" },
  ],
  alarmEmails: ["ops@example.com", "oncall@example.com"],
};

function synthObservability(overrides: Partial<ObservabilityModuleProps> = {}): Synthesized {
  return synthScope((scope) => {
    const module = new ObservabilityModule(scope, "observability", { ...PROPS, ...overrides });
    new TerraformOutput(scope, "deployment_alarms", {
      value: Object.fromEntries(
        ["users", "products"].map((s) => [s, module.deploymentAlarmNames(s)]),
      ),
    });
  });
}

const documentOf = (synth: Synthesized, reference: unknown) => {
  const id = /^\$\{data\.aws_iam_policy_document\.([^.]+)\.json\}$/.exec(String(reference))?.[1];
  return synth.json.data!.aws_iam_policy_document[id!] as { statement: Record<string, any>[] };
};

describe("ObservabilityModule", () => {
  it("sends every alarm, and its recovery, to the alarm topic", () => {
    const synth = synthObservability();
    const topic = ref("aws_sns_topic", logicalId(synth, "aws_sns_topic", "alarm-topic"), "arn");
    const alarms = alarmsOf(synth);
    expect(alarms.map((a) => a.alarm_name).sort()).toEqual([
      "shop-prod-alb-5xx",
      "shop-prod-products-5xx-rate",
      "shop-prod-products-p99-latency",
      "shop-prod-users-5xx-rate",
      "shop-prod-users-p99-latency",
    ]);
    for (const each of alarms) {
      expect(each.alarm_actions).toEqual([topic]);
      expect(each.ok_actions).toEqual([topic]);
      expect(each.treat_missing_data).toMatch(/^(breaching|notBreaching)$/);
      expect(String(each.alarm_description).length).toBeLessThanOrEqual(1024);
    }
  });

  it("writes a single-metric alarm with its statistic, a percentile as an extended statistic", () => {
    const synth = synthObservability();
    expect(alarm(synth, "shop-prod-alb-5xx")).toMatchObject({
      namespace: "AWS/ApplicationELB",
      metric_name: "HTTPCode_ELB_5XX_Count",
      dimensions: { LoadBalancer: "app/shop-prod/abc" },
      statistic: "Sum",
      period: 60,
      comparison_operator: "GreaterThanOrEqualToThreshold",
      threshold: 10,
      evaluation_periods: 5,
      datapoints_to_alarm: 3,
    });
    const latency = alarm(synth, "shop-prod-products-p99-latency");
    expect(latency).toMatchObject({ extended_statistic: "p99", metric_name: "TargetResponseTime" });
    expect(latency.statistic).toBeUndefined();
  });

  it("writes an expression alarm as metric queries where only the expression returns data", () => {
    const synth = synthObservability();
    const rate = alarm(synth, "shop-prod-users-5xx-rate");
    expect(rate.metric_name).toBeUndefined();
    expect(rate.metric_query).toEqual([
      {
        id: "result",
        expression: "IF(requests >= 10, 100 * FILL(errors, 0) / requests, 0)",
        label: "users 5xx (% of requests)",
        return_data: true,
      },
      {
        id: "requests",
        return_data: false,
        metric: {
          namespace: "AWS/ApplicationELB",
          metric_name: "RequestCount",
          dimensions: {
            TargetGroup: "targetgroup/shop-prod-users/1",
            LoadBalancer: "app/shop-prod/abc",
          },
          period: 60,
          stat: "Sum",
        },
      },
      {
        id: "errors",
        return_data: false,
        metric: expect.objectContaining({ metric_name: "HTTPCode_Target_5XX_Count", stat: "Sum" }),
      },
    ]);
  });

  it("hands each service its deployment alarms as references, so they exist before it", () => {
    const synth = synthObservability();
    const nameOf = (fragment: string) =>
      ref(
        "aws_cloudwatch_metric_alarm",
        logicalId(synth, "aws_cloudwatch_metric_alarm", fragment),
        "alarm_name",
      );
    expect(synth.json.output!.deployment_alarms.value).toEqual({
      users: [nameOf("users-5xx-rate"), nameOf("users-p99-latency")],
      products: [nameOf("products-5xx-rate"), nameOf("products-p99-latency")],
    });
  });

  /** The key's partition, region and account, read from its ARN. */
  const arnPart = (synth: Synthesized, index: number) =>
    `\${element(split(":", aws_kms_key.${logicalId(synth, "aws_kms_key", "alarm-topic")}.arn), ${index})}`;

  it("encrypts the topic with a rotated key of its own that CloudWatch may use for this account's alarms", () => {
    const synth = synthObservability();
    const keyId = logicalId(synth, "aws_kms_key", "alarm-topic");
    const [partition, region, account] = [1, 3, 4].map((i) => arnPart(synth, i));
    expect(synth.resource("aws_kms_key")).toMatchObject({ enable_key_rotation: true });
    expect(synth.resource("aws_kms_alias")).toMatchObject({
      name: "alias/shop-prod-alarms",
      target_key_id: ref("aws_kms_key", keyId, "key_id"),
    });
    const keyPolicy = synth.resource("aws_kms_key_policy");
    expect(keyPolicy.key_id).toBe(ref("aws_kms_key", keyId, "key_id"));
    const root = `arn:${partition}:iam::${account}:root`;
    expect(documentOf(synth, keyPolicy.policy).statement).toEqual([
      expect.objectContaining({
        sid: "AccountAdministersKey",
        principals: [{ type: "AWS", identifiers: [root] }],
        actions: KEY_ADMINISTRATION_ACTIONS,
        resources: ["*"],
      }),
      expect.objectContaining({
        sid: "AccountUsesKeyThroughServices",
        principals: [{ type: "AWS", identifiers: [root] }],
        actions: [...KEY_USE_ACTIONS, "kms:CreateGrant"],
        condition: [
          {
            test: "StringEquals",
            variable: "kms:ViaService",
            values: [`sns.${region}.amazonaws.com`],
          },
          { test: "StringEquals", variable: "kms:CallerAccount", values: [account] },
        ],
      }),
      expect.objectContaining({
        sid: "CloudWatchAlarmsEncrypt",
        principals: [{ type: "Service", identifiers: ["cloudwatch.amazonaws.com"] }],
        actions: ["kms:Decrypt", "kms:GenerateDataKey"],
        condition: [
          { test: "StringEquals", variable: "aws:SourceAccount", values: [account] },
          {
            test: "ArnLike",
            variable: "aws:SourceArn",
            values: [`arn:${partition}:cloudwatch:us-east-1:${account}:alarm:*`],
          },
        ],
      }),
    ]);
    expect(KEY_ADMINISTRATION_ACTIONS).toEqual(
      expect.arrayContaining(["kms:PutKeyPolicy", "kms:ScheduleKeyDeletion"]),
    );
    expect(KEY_ADMINISTRATION_ACTIONS).not.toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^kms:(Decrypt|Encrypt|GenerateDataKey|CreateGrant)/),
      ]),
    );
    expect([...KEY_ADMINISTRATION_ACTIONS, ...KEY_USE_ACTIONS].some((a) => a.includes("*"))).toBe(
      false,
    );
    const topic = synth.resource("aws_sns_topic");
    expect(topic).toMatchObject({
      name: "shop-prod-alarms",
      kms_master_key_id: ref("aws_kms_key", keyId, "arn"),
      depends_on: [`aws_kms_key_policy.${logicalId(synth, "aws_kms_key_policy", "key_policy")}`],
    });
  });

  it("accepts publications from this account's alarms in this region only, over TLS only", () => {
    const synth = synthObservability();
    const [partition, account] = [1, 4].map((i) => arnPart(synth, i));
    const topicPolicy = synth.resource("aws_sns_topic_policy");
    const topicArn = ref("aws_sns_topic", logicalId(synth, "aws_sns_topic", "alarm-topic"), "arn");
    expect(topicPolicy.arn).toBe(topicArn);
    expect(documentOf(synth, topicPolicy.policy).statement).toEqual([
      expect.objectContaining({
        principals: [{ type: "Service", identifiers: ["cloudwatch.amazonaws.com"] }],
        actions: ["sns:Publish"],
        resources: [topicArn],
        condition: [
          { test: "StringEquals", variable: "aws:SourceAccount", values: [account] },
          {
            test: "ArnLike",
            variable: "aws:SourceArn",
            values: [`arn:${partition}:cloudwatch:us-east-1:${account}:alarm:*`],
          },
        ],
      }),
      expect.objectContaining({
        sid: "DenyInsecureTransport",
        effect: "Deny",
        principals: [{ type: "*", identifiers: ["*"] }],
        actions: ["sns:Publish"],
        resources: [topicArn],
        condition: [{ test: "Bool", variable: "aws:SecureTransport", values: ["false"] }],
      }),
    ]);
  });

  it("mails each address given, and nobody when none is", () => {
    const synth = synthObservability();
    const topicArn = ref("aws_sns_topic", logicalId(synth, "aws_sns_topic", "alarm-topic"), "arn");
    expect(
      Object.values(synth.resources("aws_sns_topic_subscription")).map((s) => [
        s.topic_arn,
        s.protocol,
        s.endpoint,
      ]),
    ).toEqual(
      expect.arrayContaining([
        [topicArn, "email", "ops@example.com"],
        [topicArn, "email", "oncall@example.com"],
      ]),
    );
    expect(Object.keys(synth.resources("aws_sns_topic_subscription"))).toHaveLength(2);
    expect(synthObservability({ alarmEmails: [] }).resources("aws_sns_topic_subscription")).toEqual(
      {},
    );
  });

  it("refuses to name the deployment alarms of a service it was not given", () => {
    synthScope((scope) => {
      const module = new ObservabilityModule(scope, "observability", PROPS);
      expect(() => module.deploymentAlarmNames("orders")).toThrow(
        'no deployment alarms for service "orders"; pass it in the observability module\'s services',
      );
    });
  });

  it("takes other thresholds when given", () => {
    const synth = synthObservability({ thresholds: { p99LatencySeconds: 0.5 } });
    expect(alarm(synth, "shop-prod-users-p99-latency").threshold).toBe(0.5);
    expect(alarm(synth, "shop-prod-users-5xx-rate").threshold).toBe(5);
  });
});
