import type { EnvironmentReader } from "./environment";

/** How the connection to PostgreSQL is encrypted. */
export type DatabaseSsl = "disable" | "require" | "verify-full";

export interface DatabaseSettings {
  readonly host: string;
  readonly port: number;
  readonly name: string;
  readonly user: string;
  readonly password: string;
  readonly ssl: DatabaseSsl;
}

/** Accepted DATABASE_SSL words: true/false are shorthands for verify-full/disable. */
const SSL_WORDS = ["true", "false", "disable", "require", "verify-full"] as const;
const SSL_MODES: Record<(typeof SSL_WORDS)[number], DatabaseSsl> = {
  true: "verify-full",
  false: "disable",
  disable: "disable",
  require: "require",
  "verify-full": "verify-full",
};

/** DATABASE_HOST, _PORT, _NAME, _USER, _PASSWORD and _SSL: what ECS sets for a postgres data store. */
export function readDatabaseSettings(read: EnvironmentReader): DatabaseSettings {
  return {
    host: read.required("DATABASE_HOST", "the PostgreSQL host name"),
    port: read.port("DATABASE_PORT", "the PostgreSQL port, usually 5432"),
    name: read.required("DATABASE_NAME", "the name of the PostgreSQL database"),
    user: read.required("DATABASE_USER", "the PostgreSQL user name"),
    password: read.required("DATABASE_PASSWORD", "the PostgreSQL user's password"),
    ssl: SSL_MODES[read.oneOf("DATABASE_SSL", SSL_WORDS)],
  };
}

/**
 * Options for pg's Pool (this package does not depend on pg): a pool that fails fast when
 * PostgreSQL is down, verifies the server's certificate with DATABASE_SSL=verify-full, and names
 * itself `applicationName` in pg_stat_activity.
 */
export function poolOptions(settings: DatabaseSettings, applicationName: string) {
  return {
    host: settings.host,
    port: settings.port,
    database: settings.name,
    user: settings.user,
    password: settings.password,
    ssl:
      settings.ssl === "disable"
        ? (false as const)
        : { rejectUnauthorized: settings.ssl === "verify-full", servername: settings.host },
    max: 10,
    connectionTimeoutMillis: 3_000,
    idleTimeoutMillis: 30_000,
    statement_timeout: 5_000,
    application_name: applicationName,
  };
}
