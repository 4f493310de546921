import { BackupVault } from "@cdktf/provider-aws/lib/backup-vault";
import { KmsAlias } from "@cdktf/provider-aws/lib/kms-alias";
import type { TerraformProvider } from "cdktf";
import { Construct } from "constructs";
import { ManagedKey } from "../../constructs";
import { kmsAliasName } from "../../lib/names/kms-alias";

export interface EncryptedVaultProps {
  /** The vault's name, also its key's alias: alias/<name>. */
  readonly vaultName: string;
  /** Let `terraform destroy` delete the vault with its recovery points. */
  readonly forceDestroy: boolean;
  /** The provider of the vault's region. @default the stack's default AWS provider */
  readonly provider?: TerraformProvider;
}

/**
 * A backup vault encrypted with a key of its own (rotated yearly), in the provider's region; the
 * account uses the key only through AWS Backup.
 */
export class EncryptedVault extends Construct {
  /** The vault's name. */
  public readonly vaultName: string;
  /** The vault's ARN. */
  public readonly vaultArn: string;
  /** The vault's customer managed KMS key. */
  public readonly kmsKeyArn: string;

  constructor(scope: Construct, id: string, props: EncryptedVaultProps) {
    super(scope, id);
    const { provider } = props;
    const key = new ManagedKey(this, "key", {
      provider,
      description: `Encrypts the recovery points in the backup vault ${props.vaultName}`,
      usedThrough: ["backup"],
    });
    new KmsAlias(this, "key-alias", {
      provider,
      name: kmsAliasName(props.vaultName),
      targetKeyId: key.keyId,
    });
    const vault = new BackupVault(this, "vault", {
      provider,
      name: props.vaultName,
      kmsKeyArn: key.keyArn,
      forceDestroy: props.forceDestroy,
      tags: { Name: props.vaultName },
    });
    this.vaultName = vault.name;
    this.vaultArn = vault.arn;
    this.kmsKeyArn = key.keyArn;
  }
}
