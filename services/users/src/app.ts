import type { FastifyBaseLogger, FastifyInstance } from "fastify";
import type { Pool } from "pg";
import { isCredentialRejected, isDatabaseUnavailable } from "./database/unavailable";
import type { LogLevel } from "./platform/environment";
import { registerHealthRoutes, type Readiness } from "./platform/health-routes";
import { createHttpServer } from "./platform/http-server";
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
 * The users service's HTTP application over a PostgreSQL pool. `onCredentialsRejected` hears when
 * the database refuses the password (rotated): requests get 503 meanwhile.
 */
export function buildApp(
  pool: Pool,
  logLevel: LogLevel,
  onCredentialsRejected: () => void = () => undefined,
): FastifyInstance {
  const app = createHttpServer({
    service: "users",
    logLevel,
    describeUnavailable: (error) => {
      if (isCredentialRejected(error)) onCredentialsRejected();
      else if (!isDatabaseUnavailable(error)) return undefined;
      return "the database is unavailable: try again shortly";
    },
  });
  registerHealthRoutes(app, "/users", () =>
    databaseReadiness(pool, app.log, onCredentialsRejected),
  );
  registerUserRoutes(app, new UserStore(pool));
  return app;
}
