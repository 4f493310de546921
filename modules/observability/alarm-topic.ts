import { DataAwsArn } from "@cdktf/provider-aws/lib/data-aws-arn";
import { DataAwsIamPolicyDocument } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";
import { KmsAlias } from "@cdktf/provider-aws/lib/kms-alias";
import { KmsKey } from "@cdktf/provider-aws/lib/kms-key";
import { KmsKeyPolicy } from "@cdktf/provider-aws/lib/kms-key-policy";
import { SnsTopic } from "@cdktf/provider-aws/lib/sns-topic";
import { SnsTopicPolicy } from "@cdktf/provider-aws/lib/sns-topic-policy";
import { SnsTopicSubscription } from "@cdktf/provider-aws/lib/sns-topic-subscription";
import { Construct } from "constructs";
import { AWS_NAME_LIMITS, fitName } from "../../lib/aws-names";
import { KEY_ACCOUNT_ACTIONS } from "../../lib/kms-key-account-actions";

export { KEY_ACCOUNT_ACTIONS };

export interface AlarmTopicProps {
  /** The topic's name, e.g. "shop-prod-alarms"; also its key's alias. */
  readonly name: string;
  readonly region: string;
  /** Addresses to mail; each must confirm the subscription AWS mails it. @default none */
  readonly emails?: readonly string[];
}

/**
 * The SNS topic CloudWatch alarms publish to, encrypted with a key of its own (rotated) whose
 * policy lets CloudWatch encrypt what it publishes (AWS-managed SNS keys do not), and whose topic
 * policy accepts publications from this account's alarms in this region only. Mail subscriptions
 * for the given addresses.
 *
 * The account (for the policies' principals and conditions) is read from the key's own ARN, so
 * nothing is looked up in AWS at plan time.
 */
export class AlarmTopic extends Construct {
  public readonly topicArn: string;
  public readonly keyArn: string;

  constructor(scope: Construct, id: string, props: AlarmTopicProps) {
    super(scope, id);
    const key = new KmsKey(this, "key", {
      description: `Encrypts the alarm notifications of ${props.name}`,
      enableKeyRotation: true,
      deletionWindowInDays: 30,
    });
    new KmsAlias(this, "key-alias", {
      name: fitName([`alias/${props.name}`], AWS_NAME_LIMITS.kmsAlias),
      targetKeyId: key.keyId,
    });
    const keyArn = new DataAwsArn(this, "key-arn", { arn: key.arn });
    const account = keyArn.account;
    const partition = keyArn.partition;

    const keyPolicy = new DataAwsIamPolicyDocument(this, "key-policy-document", {
      statement: [
        {
          sid: "AccountPrincipalsThroughIam",
          principals: [{ type: "AWS", identifiers: [`arn:${partition}:iam::${account}:root`] }],
          actions: KEY_ACCOUNT_ACTIONS,
          // In a key policy, "*" is the key itself.
          resources: ["*"],
        },
        {
          // The form AWS documents for alarms on encrypted topics: CloudWatch encrypts the
          // message it publishes. Which alarms may publish is narrowed on the topic.
          sid: "CloudWatchAlarmsEncrypt",
          principals: [{ type: "Service", identifiers: ["cloudwatch.amazonaws.com"] }],
          actions: ["kms:Decrypt", "kms:GenerateDataKey"],
          resources: ["*"],
        },
      ],
    });
    const attachedKeyPolicy = new KmsKeyPolicy(this, "key-policy", {
      keyId: key.keyId,
      policy: keyPolicy.json,
    });

    const topic = new SnsTopic(this, "topic", {
      name: fitName([props.name], AWS_NAME_LIMITS.snsTopic),
      displayName: `Alarms of ${props.name}`.slice(0, 100),
      kmsMasterKeyId: key.arn,
      // CloudWatch can publish only once the key lets it.
      dependsOn: [attachedKeyPolicy],
    });
    const topicPolicy = new DataAwsIamPolicyDocument(this, "topic-policy-document", {
      statement: [
        {
          sid: "AccountAlarmsPublish",
          principals: [{ type: "Service", identifiers: ["cloudwatch.amazonaws.com"] }],
          actions: ["sns:Publish"],
          resources: [topic.arn],
          condition: [
            { test: "StringEquals", variable: "aws:SourceAccount", values: [account] },
            {
              test: "ArnLike",
              variable: "aws:SourceArn",
              values: [`arn:${partition}:cloudwatch:${props.region}:${account}:alarm:*`],
            },
          ],
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
    this.keyArn = key.arn;
  }
}
