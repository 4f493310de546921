import { EnvironmentReader, readServerSettings, type ServerSettings } from "@shop/service-platform";
import { readStoreSettings, type StoreSettings } from "./items/item-store";

/** The services this one calls (its manifest's calls), each with the variable ECS sets to its API. */
const CALLEES: Readonly<Record<string, string>> = {/* __CALLEES__ */};

export interface ServiceConfig {
  readonly server: ServerSettings;
  readonly store: StoreSettings;
  /** Each called service's API (its path prefix included), by name, without a trailing slash. */
  readonly callees: Readonly<Record<string, string>>;
}

/** The service's whole configuration, from environment variables only; throws ConfigurationError. */
export function loadConfig(env: NodeJS.ProcessEnv): ServiceConfig {
  const read = new EnvironmentReader(env);
  const config: ServiceConfig = {
    server: readServerSettings(read),
    store: readStoreSettings(read),
    callees: Object.fromEntries(
      Object.entries(CALLEES).map(([name, variable]) => [
        name,
        read.url(variable, `the ${name} service's API`),
      ]),
    ),
  };
  read.done();
  return config;
}
