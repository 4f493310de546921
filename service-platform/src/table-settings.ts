import type { EnvironmentReader } from "./environment";

export interface TableSettings {
  readonly tableName: string;
  readonly region: string;
  /** Set only for local runs (dynalite); AWS's regional endpoint otherwise. */
  readonly endpoint?: string;
}

const TABLE_NAME_PATTERN = /^[A-Za-z0-9_.-]{3,255}$/;
const REGION_PATTERN = /^[a-z]{2}(-[a-z]+)+-[0-9]+$/;

/** TABLE_NAME and AWS_REGION (what ECS sets for a dynamodb data store), DYNAMODB_ENDPOINT (local runs). */
export function readTableSettings(read: EnvironmentReader): TableSettings {
  const tableName = read.required("TABLE_NAME", "the service's DynamoDB table");
  const region = read.required("AWS_REGION", "the AWS region of the table, e.g. us-east-1");
  if (tableName !== "" && !TABLE_NAME_PATTERN.test(tableName)) {
    read.problem(`TABLE_NAME is "${tableName}": expected 3 to 255 letters, digits, _ . or -`);
  }
  if (region !== "" && !REGION_PATTERN.test(region)) {
    read.problem(`AWS_REGION is "${region}": expected a region name such as us-east-1`);
  }
  const endpoint =
    read.optional("DYNAMODB_ENDPOINT") === undefined
      ? undefined
      : read.url("DYNAMODB_ENDPOINT", "dynalite's URL, for local runs only");
  return { tableName, region, ...(endpoint !== undefined && { endpoint }) };
}

/**
 * Options for the AWS SDK's DynamoDBClient (this package does not depend on the SDK): the table's
 * region and endpoint, three attempts, and timeouts short enough for a request to fail fast.
 */
export function tableClientOptions(settings: TableSettings) {
  return {
    region: settings.region,
    ...(settings.endpoint !== undefined && { endpoint: settings.endpoint }),
    maxAttempts: 3,
    requestHandler: { connectionTimeout: 1_000, requestTimeout: 3_000 },
  };
}
