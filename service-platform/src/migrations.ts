import type { FastifyBaseLogger } from "fastify";
import { isDatabaseUnavailable } from "./database-errors";
import { retryTransient } from "./retry";

/** One step of a schema: never edit a released migration, add the next one. */
export interface Migration {
  readonly version: number;
  readonly description: string;
  readonly sql: string;
}

/** The part of a pg Pool that migrating needs (structural, so this package does not depend on pg). */
export interface MigrationPool {
  connect(): Promise<{
    query(sql: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
    release(): void;
  }>;
}

/**
 * Brings the schema up to date in one transaction, under an advisory lock (any number, the same
 * for every task of the service) so that tasks starting together apply each migration once.
 * Returns the versions it applied.
 */
export async function migrate(
  pool: MigrationPool,
  migrations: readonly Migration[],
  lockId: number,
): Promise<number[]> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    await client.query("SELECT pg_advisory_xact_lock($1)", [lockId]);
    await client.query(`
      CREATE TABLE IF NOT EXISTS schema_migrations (
        version integer PRIMARY KEY,
        description text NOT NULL,
        applied_at timestamptz NOT NULL DEFAULT now()
      )`);
    const { rows } = await client.query("SELECT version FROM schema_migrations");
    const applied = new Set(rows.map((row) => (row as { version: number }).version));
    const pending = migrations.filter((migration) => !applied.has(migration.version));
    for (const migration of pending) {
      await client.query(migration.sql);
      await client.query("INSERT INTO schema_migrations (version, description) VALUES ($1, $2)", [
        migration.version,
        migration.description,
      ]);
    }
    await client.query("COMMIT");
    return pending.map((migration) => migration.version);
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

export interface SchemaOnStart {
  readonly migrations: readonly Migration[];
  readonly lockId: number;
  readonly log: FastifyBaseLogger;
  /** Where the database is, for the message when it cannot be prepared. */
  readonly database: { readonly host: string; readonly port: number; readonly name: string };
  /** How long to wait for PostgreSQL to come up (ECS restarts the task after). @default 30 s */
  readonly giveUpAfterMs?: number;
}

/**
 * Brings the schema up to date when the service starts, retrying while PostgreSQL is not reachable
 * yet; logs what it applied, or logs why not and exits 1 (so ECS starts the task again).
 */
export async function migrateOnStart(pool: MigrationPool, options: SchemaOnStart): Promise<void> {
  const { log, database } = options;
  const applied = await retryTransient(() => migrate(pool, options.migrations, options.lockId), {
    giveUpAfterMs: options.giveUpAfterMs ?? 30_000,
    isTransient: isDatabaseUnavailable,
    onRetry: (error, attempt, delayMs) =>
      log.warn({ err: error, attempt, delayMs }, "database not reachable yet: retrying"),
  }).catch((error: unknown) => {
    log.fatal(
      { err: error },
      `cannot prepare the schema of ${database.name} at ${database.host}:${database.port}`,
    );
    process.exit(1);
  });
  log.info({ applied }, applied.length > 0 ? "schema migrated" : "schema up to date");
}
