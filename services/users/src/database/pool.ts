import { Pool } from "pg";
import type { DatabaseConfig } from "../config";

/**
 * A connection pool that fails fast when PostgreSQL is down. `onIdleError` hears of idle
 * connections the server dropped (a restart): without it such an error would crash the process.
 */
export function createPool(config: DatabaseConfig, onIdleError: (error: Error) => void): Pool {
  const pool = new Pool({
    host: config.host,
    port: config.port,
    database: config.name,
    user: config.user,
    password: config.password,
    ssl:
      config.ssl === "disable"
        ? false
        : { rejectUnauthorized: config.ssl === "verify-full", servername: config.host },
    max: 10,
    connectionTimeoutMillis: 3_000,
    idleTimeoutMillis: 30_000,
    statement_timeout: 5_000,
    application_name: "users",
  });
  // The pool discards the dropped connection and opens a new one when next needed.
  pool.on("error", onIdleError);
  return pool;
}
