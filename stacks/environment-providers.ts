import type { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import type { TerraformStack } from "cdktf";
import type { EnvironmentConfig } from "../config/model";
import { useAwsProvider } from "./aws-provider";
import { useRemoteState } from "./remote-state";

/**
 * An environment stack's AWS provider (its region, account and default tags), its S3 state, and,
 * when backups are copied to another region, a second provider there; returns that one.
 */
export function useEnvironmentProviders(
  stack: TerraformStack,
  env: EnvironmentConfig,
): AwsProvider | undefined {
  const tags = { Project: env.project, Environment: env.name, ManagedBy: "cdktf", ...env.tags };
  useAwsProvider(stack, { region: env.region, accountId: env.accountId, tags });
  useRemoteState(stack, { ...env.state, accountId: env.accountId });
  const copy = env.backup.copy;
  return copy
    ? useAwsProvider(
        stack,
        { region: copy.region, accountId: env.accountId, alias: "backup-copy", tags },
        "aws-backup-copy",
      )
    : undefined;
}
