import type { Migration } from "@shop/service-platform";

/** The schema, as an append-only list: never edit a released migration, add the next one. */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: "create users",
    sql: `
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
        name text NOT NULL,
        email text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE UNIQUE INDEX users_email_lower_key ON users (lower(email));
    `,
  },
];

/** Any number fits: it only has to be the same for every task of the service. */
export const MIGRATION_LOCK_ID = 727_001;
