import {
  DataAwsIamPolicyDocument,
  type DataAwsIamPolicyDocumentStatement,
} from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";
import { KmsKey } from "@cdktf/provider-aws/lib/kms-key";
import { KmsKeyPolicy } from "@cdktf/provider-aws/lib/kms-key-policy";
import { Fn, type TerraformProvider } from "cdktf";
import { Construct } from "constructs";
import {
  accountThroughIamStatement,
  keyAdministrationStatement,
  useThroughServicesStatement,
  type KeyLocation,
} from "./key-policy-statements";

export interface ManagedKeyProps {
  /** What the key encrypts, shown in the KMS console. */
  readonly description: string;
  /**
   * The AWS services (as in "<service>.<region>.amazonaws.com", e.g. "s3", "dynamodb") through
   * which the account's principals may use the key (kms:ViaService, kms:CallerAccount).
   * @default none: the account administers the key, only `serviceStatements` use it
   */
  readonly usedThrough?: readonly string[];
  /**
   * Statements for AWS services that use the key as themselves (service principals), each with
   * its source conditions; given where the key lives. @default none
   */
  readonly serviceStatements?: (at: KeyLocation) => DataAwsIamPolicyDocumentStatement[];
  /**
   * AWS's default key policy instead of administration plus use through services: the account's
   * IAM policies decide every use of the key. @default false
   */
  readonly delegateToIam?: boolean;
  /** Days a deleted key can still be recovered, 7 to 30. @default 30 */
  readonly deletionWindowDays?: number;
  /** The provider of the key's region. @default the stack's default AWS provider */
  readonly provider?: TerraformProvider;
}

/**
 * A customer managed symmetric key, rotated yearly, with an explicit key policy: the account's
 * administrators administer it, its principals use it only through the named AWS services, and
 * AWS services that use it as themselves only on behalf of this account's resources.
 *
 * The key is the construct's default child ("Default" adds nothing to its Terraform address, so a
 * key created before this construct keeps its state). The policy names the account and region
 * read from the key's own ARN, so nothing is looked up in AWS at plan time; it is therefore
 * attached by an aws_kms_key_policy once the key exists. Whatever must wait for the policy (a log
 * group, a topic a service publishes to) depends on `policy` or reads `keyIdAfterPolicy`.
 */
export class ManagedKey extends Construct {
  public readonly keyArn: string;
  public readonly keyId: string;
  /** The key's id, known once its policy is attached. */
  public readonly keyIdAfterPolicy: string;
  public readonly policy: KmsKeyPolicy;
  /** Where the key lives (partition, region, account), read from its ARN. */
  public readonly location: KeyLocation;

  constructor(scope: Construct, id: string, props: ManagedKeyProps) {
    super(scope, id);
    const { provider } = props;
    const key = new KmsKey(this, "Default", {
      provider,
      description: props.description,
      enableKeyRotation: true,
      deletionWindowInDays: props.deletionWindowDays ?? 30,
    });
    const arnPart = (index: number) => Fn.element(Fn.split(":", key.arn), index);
    const at: KeyLocation = { partition: arnPart(1), region: arnPart(3), account: arnPart(4) };
    const usedThrough = props.usedThrough ?? [];
    const document = new DataAwsIamPolicyDocument(this, "policy-document", {
      provider,
      statement: [
        ...(props.delegateToIam
          ? [accountThroughIamStatement(at)]
          : [
              keyAdministrationStatement(at),
              ...(usedThrough.length > 0 ? [useThroughServicesStatement(at, usedThrough)] : []),
            ]),
        ...(props.serviceStatements?.(at) ?? []),
      ],
    });
    this.policy = new KmsKeyPolicy(this, "policy", {
      provider,
      keyId: key.keyId,
      policy: document.json,
    });
    this.location = at;
    this.keyArn = key.arn;
    this.keyId = key.keyId;
    this.keyIdAfterPolicy = this.policy.keyId;
  }
}
