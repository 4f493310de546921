import type { OfflineCredentials } from "./offline-credentials";

/** Where the S3 and DynamoDB stand-ins listen, as base URLs such as `http://127.0.0.1:4568`. */
export interface StateEndpoints {
  readonly s3: string;
  readonly dynamodb: string;
}

/**
 * The `-backend-config` arguments of `terraform init` that point a stack's S3 backend at the
 * stand-ins: their endpoints, path-style bucket URLs (no bucket subdomains on 127.0.0.1), their
 * keys, and no calls to STS, IAM or the EC2 metadata service. Given on the command line only, so
 * the synthesized backend block stays as production needs it.
 */
export function offlineBackendConfig(
  endpoints: StateEndpoints,
  credentials: OfflineCredentials,
): string[] {
  const settings: readonly [string, string][] = [
    [
      "endpoints",
      `{s3=${JSON.stringify(endpoints.s3)},dynamodb=${JSON.stringify(endpoints.dynamodb)}}`,
    ],
    ["use_path_style", "true"],
    ["access_key", credentials.accessKey],
    ["secret_key", credentials.secretKey],
    ["skip_credentials_validation", "true"],
    ["skip_requesting_account_id", "true"],
    ["skip_metadata_api_check", "true"],
    ["skip_region_validation", "true"],
  ];
  return settings.map(([name, value]) => `-backend-config=${name}=${value}`);
}
