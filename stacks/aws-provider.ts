import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import type { Construct } from "constructs";

export interface AwsProviderSettings {
  readonly region: string;
  readonly accountId?: string;
  /** Tags every resource receives. */
  readonly tags: Readonly<Record<string, string>>;
  /** Set for a second provider of the stack (another region); resources then name it. */
  readonly alias?: string;
}

/** The AWS provider of a stack: its region, the only account it may touch, and default tags. */
export function useAwsProvider(
  scope: Construct,
  settings: AwsProviderSettings,
  id = "aws",
): AwsProvider {
  return new AwsProvider(scope, id, {
    region: settings.region,
    alias: settings.alias,
    allowedAccountIds: settings.accountId ? [settings.accountId] : undefined,
    defaultTags: [{ tags: { ...settings.tags } }],
  });
}
