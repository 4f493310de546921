import { poolOptions, type DatabaseSettings } from "@shop/service-platform";
import { Pool } from "pg";

/**
 * The service's connection pool. `onIdleError` hears of idle connections the server dropped (a
 * restart): without it such an error would crash the process.
 */
export function createPool(settings: DatabaseSettings, onIdleError: (error: Error) => void): Pool {
  const pool = new Pool(poolOptions(settings, "users"));
  // The pool discards the dropped connection and opens a new one when next needed.
  pool.on("error", onIdleError);
  return pool;
}
