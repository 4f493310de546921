import {
  createHttpServer,
  isCredentialRejected,
  isDatabaseUnavailable,
  registerHealthRoutes,
  type Readiness,
  type ServerSettings,
} from "@shop/service-platform";
import type { FastifyBaseLogger, FastifyInstance } from "fastify";
import type { Pool } from "pg";
import { registerUserRoutes } from "./users/user-routes";
import { UserStore } from "./users/user-store";

/** Ready when PostgreSQL answers a trivial query; the details go to the log, not to the client. */
async function databaseReadiness(
  pool: Pool,
  log: FastifyBaseLogger,
  onCredentialsRejected: () => void,
): Promise<Readiness> {
  try {
    await pool.query("SELECT 1");
    return { ready: true };
  } catch (error) {
    if (isCredentialRejected(error)) onCredentialsRejected();
    log.warn({ error: (error as Error).message }, "not ready: the database does not answer");
    return { ready: false, reason: "the database does not answer" };
  }
}

/**
 * The users service's HTTP application over a PostgreSQL pool, its API under the path prefix.
 * `onCredentialsRejected` hears when the database refuses the password (rotated): requests get
 * 503 meanwhile.
 */
export function buildApp(
  pool: Pool,
  settings: Pick<ServerSettings, "logLevel" | "pathPrefix">,
  onCredentialsRejected: () => void = () => undefined,
): FastifyInstance {
  const app = createHttpServer({
    service: "users",
    logLevel: settings.logLevel,
    describeUnavailable: (error) => {
      if (isCredentialRejected(error)) onCredentialsRejected();
      else if (!isDatabaseUnavailable(error)) return undefined;
      return "the database is unavailable: try again shortly";
    },
  });
  registerHealthRoutes(app, settings.pathPrefix, () =>
    databaseReadiness(pool, app.log, onCredentialsRejected),
  );
  void app.register(async (api) => registerUserRoutes(api, new UserStore(pool)), {
    prefix: settings.pathPrefix,
  });
  return app;
}
