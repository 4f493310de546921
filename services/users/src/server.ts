import { buildApp } from "./app";
import { loadConfig, type UsersConfig } from "./config";
import { migrate } from "./database/migrations";
import { createPool } from "./database/pool";
import { retryTransient } from "./database/retry";
import { isDatabaseUnavailable } from "./database/unavailable";
import { stopGracefullyOnSignals } from "./platform/graceful-shutdown";
import { ConfigurationError } from "./platform/environment";

/** The drain deadline: well inside the 10 seconds a stopping task is given. */
const SHUTDOWN_DEADLINE_MS = 8_000;
/** How long to wait for PostgreSQL to come up before giving up (ECS then restarts the task). */
const DATABASE_WAIT_MS = 30_000;

function readConfigOrExit(): UsersConfig {
  try {
    return loadConfig(process.env);
  } catch (error) {
    if (!(error instanceof ConfigurationError)) throw error;
    for (const problem of error.problems) console.error(`users: ${problem}`);
    console.error("users: not started: fix the environment variables above");
    process.exit(1);
  }
}

async function main(): Promise<void> {
  const config = readConfigOrExit();
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
  const app = buildApp(pool, config.logLevel, restartForNewCredentials);
  const log = app.log;

  const applied = await retryTransient(() => migrate(pool), {
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
  await app.listen({ host: config.host, port: config.port });
}

main().catch((error: unknown) => {
  console.error("users: failed to start:", error);
  process.exit(1);
});
