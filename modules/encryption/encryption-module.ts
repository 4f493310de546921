import { KmsAlias } from "@cdktf/provider-aws/lib/kms-alias";
import { Construct } from "constructs";
import { declareMoved, formerAddress, ManagedKey } from "../../constructs";
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
 * region use it for the account's log groups only, and the account's principals as their IAM
 * policies allow (AWS's default statement: reading encrypted logs goes through CloudWatch Logs).
 *
 * The key's alias is created after the key's policy and `logsKmsKeyArn` is read from the alias,
 * so a log group that uses the key is only created once CloudWatch Logs may use it.
 */
export class EncryptionModule extends Construct {
  /** The logs key's ARN, available once its policy is in place: the log groups' kms_key_id. */
  public readonly logsKmsKeyArn: string;
  /** The logs key's alias, `alias/<name>-logs`. */
  public readonly logsKmsKeyAlias: string;

  constructor(scope: Construct, id: string, props: EncryptionModuleProps) {
    super(scope, id);
    const key = new ManagedKey(this, "logs-key", {
      description: `Encrypts the CloudWatch log groups of ${props.name}`,
      delegateToIam: true,
      serviceStatements: (at) => logsKeyStatements({ ...at, region: props.region }),
      deletionWindowDays: props.deletionWindowDays,
    });
    // The policy was this module's own "logs-key-policy" before the key construct: keep its state
    // (destroying a key policy resource would reset the key to KMS's default policy).
    declareMoved(key.policy, formerAddress(this, ["logs-key-policy"], "aws_kms_key_policy"));
    const alias = new KmsAlias(this, "logs-key-alias", {
      name: encryptionNames(props.name).logsKeyAlias,
      targetKeyId: key.keyIdAfterPolicy,
    });
    this.logsKmsKeyArn = alias.targetKeyArn;
    this.logsKmsKeyAlias = alias.name;
  }
}
