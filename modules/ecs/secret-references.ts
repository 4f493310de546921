import type { DatastoreWiring } from "./datastore-access";

/**
 * The resource a `valueFrom` reference is authorized against: a Secrets Manager secret's own ARN
 * (without the `:json-key:version-stage:version-id` suffix a reference may carry), or the SSM
 * parameter's ARN as it is.
 */
export function secretResourceArn(valueFrom: string): string {
  const fields = valueFrom.split(":");
  return fields[2] === "secretsmanager" ? fields.slice(0, 7).join(":") : valueFrom;
}

/**
 * A service's own secret references (manifest `secrets`): ECS reads each at task start into its
 * variable, so the execution role may read exactly those secrets and parameters, nothing else.
 * Secrets encrypted with a customer managed key also need that key's policy to allow the role.
 */
export function secretReferenceWiring(secrets: Readonly<Record<string, string>>): DatastoreWiring {
  const resources = (service: string) =>
    [
      ...new Set(
        Object.values(secrets)
          .filter((valueFrom) => valueFrom.split(":")[2] === service)
          .map(secretResourceArn),
      ),
    ].sort();
  const secretArns = resources("secretsmanager");
  const parameterArns = resources("ssm");
  return {
    environment: {},
    secrets,
    executionStatements: [
      ...(secretArns.length > 0
        ? [
            {
              sid: "ReadServiceSecrets",
              actions: ["secretsmanager:GetSecretValue"],
              resources: secretArns,
            },
          ]
        : []),
      ...(parameterArns.length > 0
        ? [
            {
              sid: "ReadServiceParameters",
              actions: ["ssm:GetParameters"],
              resources: parameterArns,
            },
          ]
        : []),
    ],
    taskStatements: [],
  };
}
