import { BackupVault } from "@cdktf/provider-aws/lib/backup-vault";
import { DynamodbTable } from "@cdktf/provider-aws/lib/dynamodb-table";
import { EcsTaskDefinition } from "@cdktf/provider-aws/lib/ecs-task-definition";
import { EfsFileSystem } from "@cdktf/provider-aws/lib/efs-file-system";
import { KmsKey } from "@cdktf/provider-aws/lib/kms-key";
import type { Construct } from "constructs";
import { backupVaultEncryption } from "../../policy/rules/backup-vault-encryption";
import { dynamodbEncryption } from "../../policy/rules/dynamodb-encryption";
import { efsEncryption } from "../../policy/rules/efs-encryption";
import { efsTransitEncryption } from "../../policy/rules/efs-transit-encryption";
import { kmsKeyPolicy } from "../../policy/rules/kms-key-policy";
import { kmsRotation } from "../../policy/rules/kms-rotation";
import { rdsEncryption } from "../../policy/rules/rds-encryption";
import { s3Encryption } from "../../policy/rules/s3-encryption";
import { bucket, database, keyPolicy, rotatedKey } from "../support/policy-fixtures";
import { describePolicyRules } from "../support/policy-rule-cases";

const table = (scope: Construct, encrypted: boolean) =>
  new DynamodbTable(scope, "table", {
    name: "policy-test",
    hashKey: "id",
    billingMode: "PAY_PER_REQUEST",
    attribute: [{ name: "id", type: "S" }],
    serverSideEncryption: encrypted
      ? { enabled: true, kmsKeyArn: rotatedKey(scope).arn }
      : undefined,
  });

const taskWithEfs = (scope: Construct, transitEncryption: string) =>
  new EcsTaskDefinition(scope, "task", {
    family: "policy-test",
    containerDefinitions: JSON.stringify([{ name: "app", image: "app:1" }]),
    volume: [
      { name: "shared", efsVolumeConfiguration: { fileSystemId: "fs-0123", transitEncryption } },
    ],
  });

describePolicyRules("encryption rules", [
  {
    title: "an unencrypted database with Performance Insights",
    rule: rdsEncryption,
    violating: (stack) =>
      database(stack, { storageEncrypted: false, performanceInsightsEnabled: true }),
    compliant: (stack) => {
      const key = rotatedKey(stack);
      database(stack, {
        storageEncrypted: true,
        kmsKeyId: key.arn,
        performanceInsightsEnabled: true,
        performanceInsightsKmsKeyId: key.arn,
      });
    },
    findings: [
      ["database", "storage_encrypted is not true"],
      ["database", "Performance Insights is on without performance_insights_kms_key_id"],
    ],
  },
  {
    title: "a table with the AWS owned key",
    rule: dynamodbEncryption,
    violating: (stack) => table(stack, false),
    compliant: (stack) => table(stack, true),
    findings: [["table", "server_side_encryption is not enabled (AWS owned key only)"]],
  },
  {
    title: "a bucket without default encryption",
    rule: s3Encryption,
    violating: (stack) => bucket(stack, { encryption: "none" }),
    compliant: (stack) => bucket(stack),
    findings: [["bucket", "has no server-side encryption configuration"]],
  },
  {
    title: "a bucket encrypted with SSE-S3",
    rule: s3Encryption,
    violating: (stack) => bucket(stack, { encryption: "AES256" }),
    compliant: (stack) => bucket(stack, { encryption: "aws:kms" }),
    findings: [["bucket", "encrypts objects with AES256 (SSE-S3), not with KMS"]],
  },
  {
    title: "an unencrypted file system",
    rule: efsEncryption,
    violating: (stack) => new EfsFileSystem(stack, "files", { encrypted: false }),
    compliant: (stack) =>
      new EfsFileSystem(stack, "files", { encrypted: true, kmsKeyId: rotatedKey(stack).arn }),
    findings: [["files", "encrypted is not true"]],
  },
  {
    title: "a file system with the AWS managed key",
    rule: efsEncryption,
    violating: (stack) => new EfsFileSystem(stack, "files", { encrypted: true }),
    compliant: (stack) =>
      new EfsFileSystem(stack, "files", { encrypted: true, kmsKeyId: rotatedKey(stack).arn }),
    findings: [["files", "has no kms_key_id (AWS managed key)"]],
  },
  {
    title: "an EFS volume mounted without TLS",
    rule: efsTransitEncryption,
    violating: (stack) => taskWithEfs(stack, "DISABLED"),
    compliant: (stack) => taskWithEfs(stack, "ENABLED"),
    findings: [["task", 'volume "shared" mounts EFS with transit_encryption DISABLED']],
  },
  {
    title: "a backup vault with the AWS managed key",
    rule: backupVaultEncryption,
    violating: (stack) => new BackupVault(stack, "vault", { name: "policy-test" }),
    compliant: (stack) =>
      new BackupVault(stack, "vault", { name: "policy-test", kmsKeyArn: rotatedKey(stack).arn }),
    findings: [["vault", "has no kms_key_arn (AWS managed key)"]],
  },
  {
    title: "a key that never rotates",
    rule: kmsRotation,
    violating: (stack) => new KmsKey(stack, "key", {}),
    compliant: (stack) => {
      rotatedKey(stack);
      const signingKey = new KmsKey(stack, "signing-key", {
        customerMasterKeySpec: "ECC_NIST_P256",
        keyUsage: "SIGN_VERIFY",
      });
      keyPolicy(stack, signingKey, "signing-key-policy");
    },
    findings: [["key", "enable_key_rotation is not true"]],
  },
  {
    title: "a key left with KMS's default policy",
    rule: kmsKeyPolicy,
    violating: (stack) => new KmsKey(stack, "key", { enableKeyRotation: true }),
    compliant: (stack) => {
      const key = new KmsKey(stack, "key", { enableKeyRotation: true });
      keyPolicy(stack, key);
    },
    findings: [["key", "has no key policy (KMS attaches its default)"]],
  },
  {
    title: "a key whose policy is written on the key itself",
    rule: kmsKeyPolicy,
    violating: (stack) => new KmsKey(stack, "key", { enableKeyRotation: true }),
    compliant: (stack) =>
      new KmsKey(stack, "key", {
        enableKeyRotation: true,
        policy: JSON.stringify({
          Version: "2012-10-17",
          Statement: [
            {
              Sid: "AccountAdministersKey",
              Effect: "Allow",
              Principal: { AWS: "arn:aws:iam::111122223333:root" },
              Action: ["kms:DescribeKey", "kms:PutKeyPolicy"],
              Resource: "*",
            },
          ],
        }),
      }),
    findings: [["key", "has no key policy (KMS attaches its default)"]],
  },
]);
