import { BackupPlan } from "@cdktf/provider-aws/lib/backup-plan";
import { BackupSelection } from "@cdktf/provider-aws/lib/backup-selection";
import { DataAwsPartition } from "@cdktf/provider-aws/lib/data-aws-partition";
import type { TerraformProvider } from "cdktf";
import { Construct } from "constructs";
import { backupNames } from "../../lib/names/backup";
import { BackupRole } from "./backup-role";
import { EncryptedVault } from "./backup-vault";

/** The resource types the plan backs up, as ARN patterns (the selection also needs the tag). */
export const BACKED_UP_RESOURCES = [
  "rds:*:*:db:*",
  "dynamodb:*:*:table/*",
  "elasticfilesystem:*:*:file-system/*",
];

export interface BackupCopy {
  /** The region of the copy vault. */
  readonly region: string;
  /** Days each copy is kept. */
  readonly retentionDays: number;
  /** An AWS provider of that region (an aliased second provider of the stack). */
  readonly provider: TerraformProvider;
}

export interface BackupModuleProps {
  /** Prefix of every resource name, e.g. "shop-prod": vault "shop-prod-backup", plan "shop-prod-daily". */
  readonly name: string;
  /** Days each daily recovery point is kept. */
  readonly retentionDays: number;
  /** Days before a recovery point moves to cold storage (resources that support it). @default never */
  readonly coldStorageAfterDays?: number;
  /** When the daily backup starts, as an AWS Backup cron expression in UTC. @default "cron(0 5 ? * * *)" */
  readonly schedule?: string;
  /** The tag that selects resources for the plan. @default { key: "Backup", value: "daily" } */
  readonly selectionTag?: { readonly key: string; readonly value: string };
  /** A copy of each recovery point in a vault of another region. @default none */
  readonly copy?: BackupCopy;
  /** When known, AWS Backup may assume the role only on behalf of this account. @default any */
  readonly accountId?: string;
  /** Let `terraform destroy` delete the vaults with their recovery points. */
  readonly forceDestroy: boolean;
}

/**
 * AWS Backup for the environment: a vault encrypted with a key of its own, a daily plan with the
 * environment's retention (and optional cold storage), a selection of every RDS instance,
 * DynamoDB table and EFS file system carrying the selection tag, the role AWS Backup uses, and
 * optionally a copy of each recovery point into a vault of another region, with a key of its own.
 * Modules put the tag on their resources through their `tags` input (see `selectionTag`).
 */
export class BackupModule extends Construct {
  /** The backup vault's name. */
  public readonly vaultName: string;
  /** The backup vault's ARN. */
  public readonly vaultArn: string;
  /** The daily backup plan. */
  public readonly planId: string;
  /** The role AWS Backup assumes to back up and restore. */
  public readonly roleArn: string;
  /** The tag a resource carries to be backed up by the plan. */
  public readonly selectionTag: Readonly<Record<string, string>>;
  /** The copy vault's ARN, when there is a copy. */
  public readonly copyVaultArn?: string;

  constructor(scope: Construct, id: string, props: BackupModuleProps) {
    super(scope, id);
    const tag = props.selectionTag ?? { key: "Backup", value: "daily" };
    const { forceDestroy } = props;
    const partition = new DataAwsPartition(this, "partition").partition;
    const names = backupNames(props.name);

    const vault = new EncryptedVault(this, "vault", {
      vaultName: names.vault,
      forceDestroy,
    });
    const copyVault = props.copy
      ? new EncryptedVault(this, "copy-vault", {
          vaultName: names.vault,
          forceDestroy,
          provider: props.copy.provider,
        })
      : undefined;
    const role = new BackupRole(this, "role", {
      roleName: names.role,
      partition,
      accountId: props.accountId,
    });

    const plan = new BackupPlan(this, "plan", {
      name: names.plan,
      rule: [
        {
          ruleName: "daily",
          targetVaultName: vault.vaultName,
          schedule: props.schedule ?? "cron(0 5 ? * * *)",
          startWindow: 60,
          completionWindow: 360,
          lifecycle: {
            deleteAfter: props.retentionDays,
            coldStorageAfter: props.coldStorageAfterDays,
          },
          copyAction:
            copyVault && props.copy
              ? [
                  {
                    destinationVaultArn: copyVault.vaultArn,
                    lifecycle: { deleteAfter: props.copy.retentionDays },
                  },
                ]
              : undefined,
          recoveryPointTags: { Plan: names.plan },
        },
      ],
      tags: { Name: names.plan },
    });
    new BackupSelection(this, "selection", {
      name: `${props.name}-${tag.key}-${tag.value}`.slice(0, 50),
      planId: plan.id,
      iamRoleArn: role.roleArn,
      resources: BACKED_UP_RESOURCES.map((pattern) => `arn:${partition}:${pattern}`),
      condition: [{ stringEquals: [{ key: `aws:ResourceTag/${tag.key}`, value: tag.value }] }],
    });

    this.vaultName = vault.vaultName;
    this.vaultArn = vault.vaultArn;
    this.planId = plan.id;
    this.roleArn = role.roleArn;
    this.selectionTag = { [tag.key]: tag.value };
    this.copyVaultArn = copyVault?.vaultArn;
  }
}
