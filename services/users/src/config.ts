import {
  EnvironmentReader,
  readDatabaseSettings,
  readServerSettings,
  type DatabaseSettings,
  type ServerSettings,
} from "@shop/service-platform";

export interface UsersConfig {
  readonly server: ServerSettings;
  readonly database: DatabaseSettings;
}

/** The service's whole configuration, from environment variables only; throws ConfigurationError. */
export function loadConfig(env: NodeJS.ProcessEnv): UsersConfig {
  const read = new EnvironmentReader(env);
  const config: UsersConfig = {
    server: readServerSettings(read),
    database: readDatabaseSettings(read),
  };
  read.done();
  return config;
}
