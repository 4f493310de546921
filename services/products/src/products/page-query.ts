import { invalidCursor, invalidField, parseLimit } from "@shop/service-platform";

/** A validated `?ownerId=&limit=&cursor=`. */
export interface PageQuery {
  readonly ownerId?: string;
  readonly limit: number;
  readonly cursor?: string;
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
