import { decodeCursor, encodeCursor, invalidCursor, parseLimit } from "@shop/service-platform";

/** A validated `?limit=&cursor=`: the page size and the position after which the page starts. */
export interface PageQuery {
  readonly limit: number;
  readonly afterSeq?: string;
}

/** The opaque cursor of the page after the row with this sequence number. */
export function seqCursor(seq: string): string {
  return encodeCursor({ after: seq });
}

/** Parses `limit` and `cursor` query parameters; throws a 400 HttpError naming the bad one. */
export function parsePageQuery(query: Record<string, unknown>): PageQuery {
  return { limit: parseLimit(query.limit), afterSeq: parseCursor(query.cursor) };
}

function parseCursor(value: unknown): string | undefined {
  if (value === undefined || value === "") return undefined;
  if (typeof value !== "string") throw invalidCursor();
  const { after } = decodeCursor(value, ["after"]);
  if (!/^[0-9]{1,19}$/.test(after)) throw invalidCursor();
  return after;
}
