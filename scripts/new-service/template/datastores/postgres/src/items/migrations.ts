import type { Migration } from "@shop/service-platform";

/** The schema, as an append-only list: never edit a released migration, add the next one. */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: "create items",
    sql: `
      CREATE TABLE items (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
        name text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );
    `,
  },
];

/** Any number fits: it only has to be the same for every task of the service. */
export const MIGRATION_LOCK_ID = 727_002;
