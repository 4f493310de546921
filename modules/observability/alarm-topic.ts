import { DataAwsIamPolicyDocument } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";
import { KmsAlias } from "@cdktf/provider-aws/lib/kms-alias";
import { SnsTopic } from "@cdktf/provider-aws/lib/sns-topic";
import { SnsTopicPolicy } from "@cdktf/provider-aws/lib/sns-topic-policy";
import { SnsTopicSubscription } from "@cdktf/provider-aws/lib/sns-topic-subscription";
import { Construct } from "constructs";
import { declareMoved, formerAddress, ManagedKey, serviceTrustStatement } from "../../constructs";
import { AWS_NAME_LIMITS, fitName } from "../../lib/aws-names";

export interface AlarmTopicProps {
  /** The topic's name, e.g. "shop-prod-alarms"; also its key's alias. */
  readonly name: string;
  readonly region: string;
  /** Addresses to mail; each must confirm the subscription AWS mails it. @default none */
  readonly emails?: readonly string[];
}

/**
 * The SNS topic CloudWatch alarms publish to, encrypted with a key of its own (rotated) whose
 * policy lets CloudWatch encrypt what this account's alarms publish (AWS-managed SNS keys do
 * not), and whose topic policy accepts publications from this account's alarms in this region
 * only, over TLS only. Mail subscriptions for the given addresses.
 *
 * The account (for the policies' principals and conditions) is read from the key's own ARN, so
 * nothing is looked up in AWS at plan time.
 */
export class AlarmTopic extends Construct {
  public readonly topicArn: string;
  public readonly keyArn: string;

  constructor(scope: Construct, id: string, props: AlarmTopicProps) {
    super(scope, id);
    const alarmsOf = (partition: string, account: string) =>
      `arn:${partition}:cloudwatch:${props.region}:${account}:alarm:*`;
    const key = new ManagedKey(this, "key", {
      description: `Encrypts the alarm notifications of ${props.name}`,
      usedThrough: ["sns"],
      // The form AWS documents for alarms on encrypted topics (CloudWatch encrypts the message it
      // publishes), narrowed to this account's alarms.
      serviceStatements: ({ partition, account }) => [
        serviceTrustStatement({
          sid: "CloudWatchAlarmsEncrypt",
          service: "cloudwatch.amazonaws.com",
          actions: ["kms:Decrypt", "kms:GenerateDataKey"],
          resources: ["*"],
          account,
          sourceArns: [alarmsOf(partition, account)],
        }),
      ],
    });
    // The policy was this construct's own "key-policy" before the key construct: keep its state.
    declareMoved(key.policy, formerAddress(this, ["key-policy"], "aws_kms_key_policy"));
    new KmsAlias(this, "key-alias", {
      name: fitName([`alias/${props.name}`], AWS_NAME_LIMITS.kmsAlias),
      targetKeyId: key.keyId,
    });
    const { partition, account } = key.location;

    const topic = new SnsTopic(this, "topic", {
      name: fitName([props.name], AWS_NAME_LIMITS.snsTopic),
      displayName: `Alarms of ${props.name}`.slice(0, 100),
      kmsMasterKeyId: key.keyArn,
      // CloudWatch can publish only once the key lets it.
      dependsOn: [key.policy],
    });
    const topicPolicy = new DataAwsIamPolicyDocument(this, "topic-policy-document", {
      statement: [
        serviceTrustStatement({
          sid: "AccountAlarmsPublish",
          service: "cloudwatch.amazonaws.com",
          actions: ["sns:Publish"],
          resources: [topic.arn],
          account,
          sourceArns: [alarmsOf(partition, account)],
        }),
        {
          sid: "DenyInsecureTransport",
          effect: "Deny",
          principals: [{ type: "*", identifiers: ["*"] }],
          actions: ["sns:Publish"],
          resources: [topic.arn],
          condition: [{ test: "Bool", variable: "aws:SecureTransport", values: ["false"] }],
        },
      ],
    });
    new SnsTopicPolicy(this, "topic-policy", { arn: topic.arn, policy: topicPolicy.json });

    for (const email of props.emails ?? []) {
      new SnsTopicSubscription(this, `email-${email}`, {
        topicArn: topic.arn,
        protocol: "email",
        endpoint: email,
      });
    }

    this.topicArn = topic.arn;
    this.keyArn = key.keyArn;
  }
}
