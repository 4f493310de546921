import { invalidField, parseLimit } from "@shop/service-platform";

/** A DynamoDB key where a page stopped (LastEvaluatedKey): string attributes only in this table. */
export type PageKey = Record<string, string>;

/** A validated `?ownerId=&limit=&cursor=`. */
export interface PageQuery {
  readonly ownerId?: string;
  readonly limit: number;
  readonly cursor?: string;
}

export function encodeCursor(key: Record<string, unknown>): string {
  return Buffer.from(JSON.stringify(key)).toString("base64url");
}

/** Parses `ownerId`, `limit` and `cursor` query parameters; throws a 400 HttpError naming the bad one. */
export function parsePageQuery(query: Record<string, unknown>): PageQuery {
  const ownerId = query.ownerId;
  if (ownerId !== undefined && (typeof ownerId !== "string" || ownerId.trim() === "")) {
    throw invalidField("ownerId", "ownerId must be the id of a user");
  }
  const cursor = query.cursor;
  if (cursor !== undefined && typeof cursor !== "string") throw invalidCursor();
  return {
    ownerId: ownerId?.trim(),
    limit: parseLimit(query.limit),
    cursor: cursor === "" ? undefined : cursor,
  };
}

export function invalidCursor() {
  return invalidField(
    "cursor",
    "cursor is not one this API returned for this query: use nextCursor as is",
  );
}

/**
 * The key a cursor stands for, if it has exactly the given attributes as strings (and, where
 * `fixed` says so, these values); throws a 400 HttpError otherwise.
 */
export function decodeCursor(
  cursor: string,
  attributes: readonly string[],
  fixed: Readonly<Record<string, string>> = {},
): PageKey {
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    throw invalidCursor();
  }
  if (typeof key !== "object" || key === null || Array.isArray(key)) throw invalidCursor();
  const record = key as Record<string, unknown>;
  const names = Object.keys(record).sort();
  const valid =
    names.length === attributes.length &&
    [...attributes]
      .sort()
      .every((name, i) => names[i] === name && typeof record[name] === "string") &&
    Object.entries(fixed).every(([name, value]) => record[name] === value);
  if (!valid) throw invalidCursor();
  return record as PageKey;
}
