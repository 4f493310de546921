import { DataAwsIamPolicyDocument } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";
import { KmsAlias } from "@cdktf/provider-aws/lib/kms-alias";
import { KmsKey } from "@cdktf/provider-aws/lib/kms-key";
import { KmsKeyPolicy } from "@cdktf/provider-aws/lib/kms-key-policy";
import { Fn } from "cdktf";
import { Construct } from "constructs";
import { encryptionNames } from "../../lib/names/encryption";
import { logsKeyStatements } from "./logs-key-policy";

export interface EncryptionModuleProps {
  /** Prefix of the key's alias, e.g. "shop-prod": the alias is "alias/shop-prod-logs". */
  readonly name: string;
  /** The region whose CloudWatch Logs may use the key. */
  readonly region: string;
  /** Days a deleted key can still be recovered, 7 to 30. @default 30 */
  readonly deletionWindowDays?: number;
}

/**
 * The environment's key for CloudWatch Logs: every log group of the stack (services, databases,
 * flow logs, WAF) is encrypted with it. Rotated yearly; its policy lets CloudWatch Logs of the
 * region use it for the account's log groups only.
 *
 * The policy names the account without a data source that would call AWS at plan time: it is
 * read from the key's own ARN, so it is attached by an aws_kms_key_policy once the key exists.
 * The key's alias is created after that policy and `logsKmsKeyArn` is read from the alias, so a
 * log group that uses the key is only created once CloudWatch Logs may use it.
 */
export class EncryptionModule extends Construct {
  /** The logs key's ARN, available once its policy is in place: the log groups' kms_key_id. */
  public readonly logsKmsKeyArn: string;
  public readonly logsKmsKeyAlias: string;

  constructor(scope: Construct, id: string, props: EncryptionModuleProps) {
    super(scope, id);
    const key = new KmsKey(this, "logs-key", {
      description: `Encrypts the CloudWatch log groups of ${props.name}`,
      enableKeyRotation: true,
      deletionWindowInDays: props.deletionWindowDays ?? 30,
    });
    const arnPart = (index: number) => Fn.element(Fn.split(":", key.arn), index);
    const document = new DataAwsIamPolicyDocument(this, "logs-key-policy-document", {
      statement: logsKeyStatements({
        partition: arnPart(1),
        region: props.region,
        account: arnPart(4),
      }),
    });
    const policy = new KmsKeyPolicy(this, "logs-key-policy", {
      keyId: key.keyId,
      policy: document.json,
    });
    const alias = new KmsAlias(this, "logs-key-alias", {
      name: encryptionNames(props.name).logsKeyAlias,
      targetKeyId: policy.keyId,
    });
    this.logsKmsKeyArn = alias.targetKeyArn;
    this.logsKmsKeyAlias = alias.name;
  }
}
