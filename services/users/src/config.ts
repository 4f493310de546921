import { EnvironmentReader, readServerSettings, type ServerSettings } from "@shop/service-platform";

/** How the connection to PostgreSQL is encrypted. */
export type DatabaseSsl = "disable" | "require" | "verify-full";

export interface DatabaseConfig {
  readonly host: string;
  readonly port: number;
  readonly name: string;
  readonly user: string;
  readonly password: string;
  readonly ssl: DatabaseSsl;
}

export interface UsersConfig {
  readonly server: ServerSettings;
  readonly database: DatabaseConfig;
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

/** The service's whole configuration, from environment variables only; throws ConfigurationError. */
export function loadConfig(env: NodeJS.ProcessEnv): UsersConfig {
  const read = new EnvironmentReader(env);
  const config: UsersConfig = {
    server: readServerSettings(read),
    database: {
      host: read.required("DATABASE_HOST", "the PostgreSQL host name"),
      port: read.port("DATABASE_PORT", "the PostgreSQL port, usually 5432"),
      name: read.required("DATABASE_NAME", "the name of the PostgreSQL database"),
      user: read.required("DATABASE_USER", "the PostgreSQL user name"),
      password: read.required("DATABASE_PASSWORD", "the PostgreSQL user's password"),
      ssl: SSL_MODES[read.oneOf("DATABASE_SSL", SSL_WORDS)],
    },
  };
  read.done();
  return config;
}
