import {
  EnvironmentReader,
  readServerSettings,
  readTableSettings,
  type ServerSettings,
  type TableSettings,
} from "@shop/service-platform";

export interface ProductsConfig {
  readonly server: ServerSettings;
  readonly table: TableSettings;
  /** The users service's API (its path prefix included), without a trailing slash. */
  readonly usersUrl: string;
}

/** The service's whole configuration, from environment variables only; throws ConfigurationError. */
export function loadConfig(env: NodeJS.ProcessEnv): ProductsConfig {
  const read = new EnvironmentReader(env);
  const config: ProductsConfig = {
    server: readServerSettings(read),
    table: readTableSettings(read),
    usersUrl: read.url("USERS_URL", "the users service's API, e.g. http://users:8000/users"),
  };
  read.done();
  return config;
}
