import { CloudwatchLogGroup } from "@cdktf/provider-aws/lib/cloudwatch-log-group";
import { EcrRepository } from "@cdktf/provider-aws/lib/ecr-repository";
import { EcsTaskDefinition } from "@cdktf/provider-aws/lib/ecs-task-definition";
import type { Construct } from "constructs";
import { ecrImmutableTags } from "../../policy/rules/ecr-immutable-tags";
import { ecrScanOnPush } from "../../policy/rules/ecr-scan-on-push";
import { logEncryption } from "../../policy/rules/log-encryption";
import { logRetention } from "../../policy/rules/log-retention";
import { taskPlaintextSecrets } from "../../policy/rules/task-plaintext-secrets";
import { rotatedKey } from "../support/policy-fixtures";
import { describePolicyRules } from "../support/policy-rule-cases";

const logGroup = (scope: Construct, settings: { retentionInDays?: number; encrypted: boolean }) =>
  new CloudwatchLogGroup(scope, "logs", {
    name: "/policy/test",
    retentionInDays: settings.retentionInDays,
    kmsKeyId: settings.encrypted ? rotatedKey(scope).arn : undefined,
  });

const repository = (scope: Construct, scanOnPush: boolean, imageTagMutability: string) =>
  new EcrRepository(scope, "repository", {
    name: "policy/test",
    imageScanningConfiguration: { scanOnPush },
    imageTagMutability,
    encryptionConfiguration: [{ encryptionType: "KMS", kmsKey: rotatedKey(scope).arn }],
  });

const task = (scope: Construct, container: Record<string, unknown>) =>
  new EcsTaskDefinition(scope, "task", {
    family: "policy-test",
    containerDefinitions: JSON.stringify([{ name: "app", image: "app:1", ...container }]),
  });

describePolicyRules("log, registry and task rules", [
  {
    title: "a log group kept forever",
    rule: logRetention,
    violating: (stack) => logGroup(stack, { encrypted: true }),
    compliant: (stack) => logGroup(stack, { retentionInDays: 365, encrypted: true }),
    findings: [["logs", "retention_in_days is not set, so events are kept forever"]],
  },
  {
    title: "a log group with CloudWatch's own key",
    rule: logEncryption,
    violating: (stack) => logGroup(stack, { retentionInDays: 365, encrypted: false }),
    compliant: (stack) => logGroup(stack, { retentionInDays: 365, encrypted: true }),
    findings: [["logs", "kms_key_id is not set"]],
  },
  {
    title: "a repository that does not scan pushed images",
    rule: ecrScanOnPush,
    violating: (stack) => repository(stack, false, "IMMUTABLE"),
    compliant: (stack) => repository(stack, true, "IMMUTABLE"),
    findings: [["repository", "image_scanning_configuration.scan_on_push is not true"]],
  },
  {
    title: "a repository with mutable tags",
    rule: ecrImmutableTags,
    violating: (stack) => repository(stack, true, "MUTABLE"),
    compliant: (stack) => repository(stack, true, "IMMUTABLE"),
    findings: [["repository", "image_tag_mutability is MUTABLE"]],
  },
  {
    title: "a password in a container's environment",
    rule: taskPlaintextSecrets,
    violating: (stack) =>
      task(stack, {
        environment: [
          { name: "LOG_LEVEL", value: "info" },
          { name: "DB_PASSWORD", value: "correct-horse" },
          { name: "UPSTREAM", value: "AKIAIOSFODNN7EXAMPLE" },
        ],
      }),
    compliant: (stack) =>
      task(stack, {
        environment: [{ name: "LOG_LEVEL", value: "info" }],
        secrets: [
          {
            name: "DB_PASSWORD",
            valueFrom: "arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf",
          },
        ],
      }),
    findings: [
      ["task", 'container "app" sets DB_PASSWORD in plain text (its name says it is a secret)'],
      [
        "task",
        'container "app" sets UPSTREAM in plain text (the value looks like an AWS access key ID)',
      ],
    ],
  },
]);
