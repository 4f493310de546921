import { secretSuspicion } from "../../lib/secret-detection";
import { isRecord } from "../inventory";
import { defineRule, type Finding } from "../rule";

/**
 * No container of a task definition gets a secret as a plain environment variable (anyone who
 * may describe the task definition reads those): secrets come from Secrets Manager or SSM
 * through the container's `secrets`. The value is never repeated in the message.
 *
 * References: trivy AVD-AWS-0036 (aws-ecs-no-plaintext-secrets); cdk-nag AwsSolutions-ECS2 (which
 * flags every environment variable; this rule flags those that look secret); checkov scans
 * secrets in files (CKV_SECRET_*), not in task definitions.
 */
export const taskPlaintextSecrets = defineRule({
  id: "SEC-ECS-001",
  title: "Secret in a task definition's environment",
  references: { checkov: [], trivy: ["AVD-AWS-0036"], cdkNag: ["AwsSolutions-ECS2"] },
  fix: 'move it to the service manifest\'s "secrets" (a Secrets Manager or SSM ARN that ECS reads at task start)',
  appliesTo: ["aws_ecs_task_definition"],
  check({ attributes }) {
    let containers: unknown;
    try {
      containers = JSON.parse(String(attributes.container_definitions));
    } catch {
      return [
        {
          problem: "container_definitions is not JSON, so its environment cannot be checked",
          fix: "write container_definitions with JSON.stringify",
        },
      ];
    }
    return (Array.isArray(containers) ? containers : []).filter(isRecord).flatMap((container) =>
      (Array.isArray(container.environment) ? container.environment : [])
        .filter(isRecord)
        .flatMap((variable): Finding[] => {
          const name = String(variable.name);
          const why = secretSuspicion(name, String(variable.value ?? ""));
          return why
            ? [
                {
                  problem: `container "${String(container.name)}" sets ${name} in plain text (${why})`,
                  subject: name,
                },
              ]
            : [];
        }),
    );
  },
});
