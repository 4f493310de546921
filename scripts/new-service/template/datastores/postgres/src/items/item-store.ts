import {
  decodeCursor,
  invalidCursor,
  isCredentialRejected,
  isDatabaseUnavailable,
  isUuid,
  migrateOnStart,
  pageOf,
  poolOptions,
  readDatabaseSettings,
  stopForNewCredentials,
  type DatabaseSettings,
  type EnvironmentReader,
} from "@shop/service-platform";
import type { FastifyBaseLogger } from "fastify";
import { Pool } from "pg";
import type { Item, ItemPage, ItemStore } from "./item";
import { MIGRATION_LOCK_ID, MIGRATIONS } from "./migrations";

/** DATABASE_*, as ECS sets them for the service's own PostgreSQL database. */
export type StoreSettings = DatabaseSettings;

export function readStoreSettings(read: EnvironmentReader): StoreSettings {
  return readDatabaseSettings(read);
}

interface ItemRow {
  id: string;
  seq: string;
  name: string;
  created_at: Date;
}

const COLUMNS = "id, seq, name, created_at";

function toItem(row: ItemRow): Item {
  return { id: row.id, name: row.name, createdAt: row.created_at.toISOString() };
}

/** Items in the service's PostgreSQL database, in a table its migrations create. */
class PostgresItemStore implements ItemStore {
  private readonly pool: Pool;
  private readonly restartForNewCredentials: () => void;

  constructor(
    private readonly settings: DatabaseSettings,
    private readonly log: () => FastifyBaseLogger,
  ) {
    this.pool = new Pool(poolOptions(settings, "__SERVICE__"));
    // The pool discards a connection the server dropped and opens a new one when next needed.
    this.pool.on("error", (error) =>
      log().warn({ error: error.message }, "idle database connection lost"),
    );
    this.restartForNewCredentials = stopForNewCredentials(log);
  }

  prepare(): Promise<void> {
    return migrateOnStart(this.pool, {
      migrations: MIGRATIONS,
      lockId: MIGRATION_LOCK_ID,
      log: this.log(),
      database: this.settings,
    });
  }

  async create(name: string): Promise<Item> {
    const { rows } = await this.pool.query<ItemRow>(
      `INSERT INTO items (name) VALUES ($1) RETURNING ${COLUMNS}`,
      [name],
    );
    return toItem(rows[0]);
  }

  async find(id: string): Promise<Item | undefined> {
    if (!isUuid(id)) return undefined;
    const { rows } = await this.pool.query<ItemRow>(`SELECT ${COLUMNS} FROM items WHERE id = $1`, [
      id,
    ]);
    return rows[0] && toItem(rows[0]);
  }

  /** Items in creation order, `limit` at a time, after the row numbered as the cursor says. */
  async list(limit: number, cursor?: string): Promise<ItemPage> {
    const after = cursor === undefined ? "0" : decodeCursor(cursor, ["after"]).after;
    if (!/^[0-9]{1,19}$/.test(after)) throw invalidCursor();
    const { rows } = await this.pool.query<ItemRow>(
      `SELECT ${COLUMNS} FROM items WHERE seq > $1 ORDER BY seq LIMIT $2`,
      [after, limit + 1],
    );
    const page = pageOf(rows, limit, (row) => ({ after: row.seq }));
    return { items: page.items.map(toItem), next: page.next };
  }

  async remove(id: string): Promise<boolean> {
    const result = await this.pool.query("DELETE FROM items WHERE id = $1", [id]);
    return result.rowCount === 1;
  }

  async ping(): Promise<void> {
    await this.pool.query("SELECT 1").catch((error: unknown) => {
      this.isUnavailable(error);
      throw error;
    });
  }

  /** Unreachable, or the password refused (rotated): then the service restarts to read the new one. */
  isUnavailable(error: unknown): boolean {
    if (!isCredentialRejected(error)) return isDatabaseUnavailable(error);
    this.restartForNewCredentials();
    return true;
  }

  close(): Promise<void> {
    return this.pool.end();
  }
}

export function createItemStore(settings: StoreSettings, log: () => FastifyBaseLogger): ItemStore {
  return new PostgresItemStore(settings, log);
}
