import {
  configurationOrExit,
  exitOnStartFailure,
  isDatabaseUnavailable,
  listen,
  migrate,
  retryTransient,
  stopGracefullyOnSignals,
} from "@shop/service-platform";
import { buildApp } from "./app";
import { loadConfig } from "./config";
import { MIGRATION_LOCK_ID, MIGRATIONS } from "./database/migrations";
import { createPool } from "./database/pool";

const SERVICE = "users";
/** The drain deadline: well inside the 10 seconds a stopping task is given. */
const SHUTDOWN_DEADLINE_MS = 8_000;
/** How long to wait for PostgreSQL to come up before giving up (ECS then restarts the task). */
const DATABASE_WAIT_MS = 30_000;

async function main(): Promise<void> {
  const config = configurationOrExit(SERVICE, () => loadConfig(process.env));
  const idleConnectionLost = (error: Error) =>
    log.warn({ error: error.message }, "idle database connection lost");
  const pool = createPool(config.database, idleConnectionLost);
  let restarting = false;
  // A rotated password reaches a task only when it starts: stop gracefully so ECS starts a new one.
  const restartForNewCredentials = () => {
    if (restarting) return;
    restarting = true;
    log.error(
      "the database refused the password (rotated?): stopping so a new task reads the current secret",
    );
    process.kill(process.pid, "SIGTERM");
  };
  const app = buildApp(pool, config.server, restartForNewCredentials);
  const log = app.log;

  const applied = await retryTransient(() => migrate(pool, MIGRATIONS, MIGRATION_LOCK_ID), {
    giveUpAfterMs: DATABASE_WAIT_MS,
    isTransient: isDatabaseUnavailable,
    onRetry: (error, attempt, delayMs) =>
      log.warn({ err: error, attempt, delayMs }, "database not reachable yet: retrying"),
  }).catch((error: unknown) => {
    const { host, port, name } = config.database;
    log.fatal({ err: error }, `cannot prepare the schema of ${name} at ${host}:${port}`);
    process.exit(1);
  });
  log.info({ applied }, applied.length > 0 ? "schema migrated" : "schema up to date");

  stopGracefullyOnSignals(app, { release: () => pool.end(), deadlineMs: SHUTDOWN_DEADLINE_MS });
  await listen(app, config.server);
}

main().catch(exitOnStartFailure(SERVICE));
