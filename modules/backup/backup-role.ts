import { DataAwsIamPolicyDocument } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamRolePolicyAttachment } from "@cdktf/provider-aws/lib/iam-role-policy-attachment";
import { Construct } from "constructs";
import { assumeRoleStatement } from "../../constructs";
import { suppress } from "../../policy";

/** The AWS managed policies of AWS Backup's service role. */
export const BACKUP_SERVICE_POLICIES = [
  "service-role/AWSBackupServiceRolePolicyForBackup",
  "service-role/AWSBackupServiceRolePolicyForRestores",
];

export interface BackupRoleProps {
  /** The role's name, within IAM's 64 characters. */
  readonly roleName: string;
  /** The partition of the managed policies' ARNs, e.g. "aws". */
  readonly partition: string;
  /** When known, AWS Backup may assume the role only on behalf of this account. @default any */
  readonly accountId?: string;
}

/**
 * The role AWS Backup assumes to back up and restore the selected resources: AWS Backup's own
 * service role policies, which AWS maintains per supported service (RDS snapshots, DynamoDB
 * backups, EFS recovery points, the KMS grants they need), so backups keep working as those
 * services change. A deliberate exception to SEC-IAM-003, suppressed here with its reason.
 */
export class BackupRole extends Construct {
  /** The role's ARN. */
  public readonly roleArn: string;

  constructor(scope: Construct, id: string, props: BackupRoleProps) {
    super(scope, id);
    const trust = new DataAwsIamPolicyDocument(this, "trust", {
      statement: [
        assumeRoleStatement({
          sid: "AwsBackupAssumeRole",
          service: "backup.amazonaws.com",
          account: props.accountId,
        }),
      ],
    });
    const role = new IamRole(this, "role", {
      name: props.roleName,
      description: "AWS Backup: backs up and restores the resources the backup plan selects",
      assumeRolePolicy: trust.json,
    });
    for (const policy of BACKUP_SERVICE_POLICIES) {
      const attachment = new IamRolePolicyAttachment(this, policy.split("/")[1], {
        role: role.name,
        policyArn: `arn:${props.partition}:iam::aws:policy/${policy}`,
      });
      suppress(
        attachment,
        "SEC-IAM-003",
        "AWS Backup's service role policy: AWS maintains it for every service AWS Backup protects (RDS, DynamoDB, EFS, the KMS grants they need); a hand-written copy would break backups or restores silently when AWS Backup changes",
      );
    }
    this.roleArn = role.arn;
  }
}
