import type { ServiceConfig } from "../../../config/model";
import { serviceEnvironment } from "../../../scripts/local/service-environment";
import { projectServices } from "./local-stack";

/** Nothing listens on port 9 of the loopback (discard): an address that never answers. */
const NOWHERE = { host: "127.0.0.1" as const, port: 9 };
const NOWHERE_URL = `http://${NOWHERE.host}:${NOWHERE.port}`;
/** The database password of every complete environment: no output may ever show it. */
export const DATABASE_PASSWORD = "never-print-this-password";

/**
 * The environment ECS would give the service, complete, with every data store and callee at an
 * address where nothing answers: for tests of its configuration, which need nothing to run.
 */
export function completeEnvironment(
  service: ServiceConfig,
  services: readonly ServiceConfig[] = projectServices(),
): Record<string, string> {
  const postgres = service.datastores.postgres;
  return serviceEnvironment(service, {
    port: 0,
    calleeBaseUrl: () => NOWHERE_URL,
    services,
    database: postgres && {
      server: NOWHERE,
      login: { database: postgres.database, user: postgres.username, password: DATABASE_PASSWORD },
    },
    dynamodb: { endpoint: NOWHERE_URL },
    staticObjects: { endpoint: NOWHERE_URL, bucket: "static-objects" },
  });
}
