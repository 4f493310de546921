import { isUuid } from "@shop/service-platform";
import type { Pool } from "pg";
import type { UserInput } from "./user-input";

/** A user as the API returns it. */
export interface User {
  readonly id: string;
  readonly name: string;
  readonly email: string;
  readonly createdAt: string;
}

export interface UserPage {
  readonly items: readonly User[];
  /** The sequence number to continue after, when more rows follow. */
  readonly nextSeq?: string;
}

/** Another user already has this email address (compared case-insensitively). */
export class EmailTakenError extends Error {
  constructor(readonly email: string) {
    super(`a user with email ${email} already exists`);
  }
}

interface UserRow {
  id: string;
  seq: string;
  name: string;
  email: string;
  created_at: Date;
}

const COLUMNS = "id, seq, name, email, created_at";
const UNIQUE_VIOLATION = "23505";

function toUser(row: UserRow): User {
  return { id: row.id, name: row.name, email: row.email, createdAt: row.created_at.toISOString() };
}

function rethrowEmailTaken(error: unknown, email: string): never {
  if ((error as { code?: unknown }).code === UNIQUE_VIOLATION) throw new EmailTakenError(email);
  throw error;
}

/** Users in PostgreSQL. Ids that are not UUIDs are simply not found. */
export class UserStore {
  constructor(private readonly pool: Pool) {}

  async create(input: UserInput): Promise<User> {
    const result = await this.pool
      .query<UserRow>(`INSERT INTO users (name, email) VALUES ($1, $2) RETURNING ${COLUMNS}`, [
        input.name,
        input.email,
      ])
      .catch((error: unknown) => rethrowEmailTaken(error, input.email));
    return toUser(result.rows[0]);
  }

  async find(id: string): Promise<User | undefined> {
    if (!isUuid(id)) return undefined;
    const result = await this.pool.query<UserRow>(`SELECT ${COLUMNS} FROM users WHERE id = $1`, [
      id,
    ]);
    return result.rows[0] && toUser(result.rows[0]);
  }

  /** Users in creation order, `limit` at a time, starting after the row numbered `afterSeq`. */
  async list(limit: number, afterSeq = "0"): Promise<UserPage> {
    const result = await this.pool.query<UserRow>(
      `SELECT ${COLUMNS} FROM users WHERE seq > $1 ORDER BY seq LIMIT $2`,
      [afterSeq, limit + 1],
    );
    const rows = result.rows.slice(0, limit);
    const more = result.rows.length > limit;
    return { items: rows.map(toUser), nextSeq: more ? rows[rows.length - 1].seq : undefined };
  }

  async replace(id: string, input: UserInput): Promise<User | undefined> {
    if (!isUuid(id)) return undefined;
    const result = await this.pool
      .query<UserRow>(`UPDATE users SET name = $2, email = $3 WHERE id = $1 RETURNING ${COLUMNS}`, [
        id,
        input.name,
        input.email,
      ])
      .catch((error: unknown) => rethrowEmailTaken(error, input.email));
    return result.rows[0] && toUser(result.rows[0]);
  }

  /** Whether a user was deleted. */
  async remove(id: string): Promise<boolean> {
    if (!isUuid(id)) return false;
    const result = await this.pool.query("DELETE FROM users WHERE id = $1", [id]);
    return result.rowCount === 1;
  }
}
