import { EnvironmentReader, LOG_LEVELS, type LogLevel } from "./platform/environment";

export interface ProductsConfig {
  readonly host: string;
  readonly port: number;
  readonly logLevel: LogLevel;
  readonly tableName: string;
  readonly region: string;
  /** Set only for local runs (dynalite); AWS's regional endpoint otherwise. */
  readonly dynamodbEndpoint?: string;
  /** The users service's base URL, without a trailing slash. */
  readonly usersUrl: string;
}

const TABLE_NAME_PATTERN = /^[A-Za-z0-9_.-]{3,255}$/;
const REGION_PATTERN = /^[a-z]{2}(-[a-z]+)+-[0-9]+$/;

/** The service's whole configuration, from environment variables only; throws ConfigurationError. */
export function loadConfig(env: NodeJS.ProcessEnv): ProductsConfig {
  const read = new EnvironmentReader(env);
  const tableName = read.required("TABLE_NAME", "the DynamoDB table that stores products");
  const region = read.required("AWS_REGION", "the AWS region of the table, e.g. us-east-1");
  const endpoint = read.optional("DYNAMODB_ENDPOINT");
  const usersUrl = read.required("USERS_URL", "the users service's URL, e.g. http://users:8000");
  const config: ProductsConfig = {
    host: read.optional("HOST") ?? "0.0.0.0",
    port: read.port("PORT", "the port to listen on", 8001),
    logLevel: read.oneOf("LOG_LEVEL", LOG_LEVELS, "info"),
    tableName,
    region,
    dynamodbEndpoint:
      endpoint === undefined ? undefined : checkUrl(read, "DYNAMODB_ENDPOINT", endpoint),
    usersUrl: checkUrl(read, "USERS_URL", usersUrl),
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

/** An http(s) URL without query or fragment, returned without its trailing slash. */
function checkUrl(read: EnvironmentReader, name: string, value: string): string {
  if (value === "") return value;
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (url === undefined || !["http:", "https:"].includes(url.protocol) || url.search || url.hash) {
    read.problem(
      `${name} is "${value}": expected an http:// or https:// URL such as http://host:8000`,
    );
    return value;
  }
  return value.replace(/\/+$/, "");
}
