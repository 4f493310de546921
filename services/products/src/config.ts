import { EnvironmentReader, readServerSettings, type ServerSettings } from "@shop/service-platform";

export interface ProductsConfig {
  readonly server: ServerSettings;
  readonly tableName: string;
  readonly region: string;
  /** Set only for local runs (dynalite); AWS's regional endpoint otherwise. */
  readonly dynamodbEndpoint?: string;
  /** The users service's API (its path prefix included), without a trailing slash. */
  readonly usersUrl: string;
}

const TABLE_NAME_PATTERN = /^[A-Za-z0-9_.-]{3,255}$/;
const REGION_PATTERN = /^[a-z]{2}(-[a-z]+)+-[0-9]+$/;

/** The service's whole configuration, from environment variables only; throws ConfigurationError. */
export function loadConfig(env: NodeJS.ProcessEnv): ProductsConfig {
  const read = new EnvironmentReader(env);
  const tableName = read.required("TABLE_NAME", "the DynamoDB table that stores products");
  const region = read.required("AWS_REGION", "the AWS region of the table, e.g. us-east-1");
  const config: ProductsConfig = {
    server: readServerSettings(read),
    tableName,
    region,
    dynamodbEndpoint:
      read.optional("DYNAMODB_ENDPOINT") === undefined
        ? undefined
        : read.url("DYNAMODB_ENDPOINT", "dynalite's URL, for local runs only"),
    usersUrl: read.url("USERS_URL", "the users service's API, e.g. http://users:8000/users"),
  };
  if (tableName !== "" && !TABLE_NAME_PATTERN.test(tableName)) {
    read.problem(`TABLE_NAME is "${tableName}": expected 3 to 255 letters, digits, _ . or -`);
  }
  if (region !== "" && !REGION_PATTERN.test(region)) {
    read.problem(`AWS_REGION is "${region}": expected a region name such as us-east-1`);
  }
  read.done();
  return config;
}
