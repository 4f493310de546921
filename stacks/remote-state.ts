import { S3Backend, type TerraformStack } from "cdktf";
import { stateKeyAlias } from "../lib/names/state";

export interface RemoteStateSettings {
  readonly bucket: string;
  readonly key: string;
  readonly region: string;
  /** "s3": S3-native lock files; "dynamodb": a DynamoDB lock table. */
  readonly lock: "s3" | "dynamodb";
  readonly dynamodbTable?: string;
  /** When known, the backend refuses credentials of any other account. */
  readonly accountId?: string;
}

/**
 * Keeps the stack's state in S3, encrypted with the state key the state stack creates for the
 * bucket (named after it: `alias/terraform-state/<bucket>`), locked either by an S3 lock file or a DynamoDB table.
 * No credentials, endpoints or skip flags here: offline runs add those at `terraform init` time.
 */
export function useRemoteState(stack: TerraformStack, settings: RemoteStateSettings): S3Backend {
  const backend = new S3Backend(stack, {
    bucket: settings.bucket,
    key: settings.key,
    region: settings.region,
    encrypt: true,
    // Without a key, `encrypt` means SSE-S3 and would override the bucket's default KMS encryption.
    kmsKeyId: stateKeyAlias(settings.bucket),
    dynamodbTable: settings.lock === "dynamodb" ? settings.dynamodbTable : undefined,
    allowedAccountIds: settings.accountId ? [settings.accountId] : undefined,
  });
  if (settings.lock === "s3") {
    // cdktf 0.21's S3Backend has no property for Terraform 1.10's S3-native locking.
    backend.addOverride("use_lockfile", true);
  }
  return backend;
}
