import {
  configurationOrExit,
  exitOnStartFailure,
  listen,
  migrateOnStart,
  stopForNewCredentials,
  stopGracefullyOnSignals,
} from "@shop/service-platform";
import { buildApp } from "./app";
import { loadConfig } from "./config";
import { MIGRATION_LOCK_ID, MIGRATIONS } from "./database/migrations";
import { createPool } from "./database/pool";

const SERVICE = "users";
/** The drain deadline: well inside the 10 seconds a stopping task is given. */
const SHUTDOWN_DEADLINE_MS = 8_000;

async function main(): Promise<void> {
  const config = configurationOrExit(SERVICE, () => loadConfig(process.env));
  const idleConnectionLost = (error: Error) =>
    app.log.warn({ error: error.message }, "idle database connection lost");
  const pool = createPool(config.database, idleConnectionLost);
  const app = buildApp(
    pool,
    config.server,
    stopForNewCredentials(() => app.log),
  );
  await migrateOnStart(pool, {
    migrations: MIGRATIONS,
    lockId: MIGRATION_LOCK_ID,
    log: app.log,
    database: config.database,
  });
  stopGracefullyOnSignals(app, { release: () => pool.end(), deadlineMs: SHUTDOWN_DEADLINE_MS });
  await listen(app, config.server);
}

main().catch(exitOnStartFailure(SERVICE));
