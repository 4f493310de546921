import { invalidField, parseLimit } from "@shop/service-platform";

/** A validated `?limit=&cursor=`: the page size and the position after which the page starts. */
export interface PageQuery {
  readonly limit: number;
  readonly afterSeq?: string;
}

/** The opaque cursor of the page after the row with this sequence number. */
export function encodeCursor(seq: string): string {
  return Buffer.from(JSON.stringify({ after: seq })).toString("base64url");
}

/** Parses `limit` and `cursor` query parameters; throws a 400 HttpError naming the bad one. */
export function parsePageQuery(query: Record<string, unknown>): PageQuery {
  return { limit: parseLimit(query.limit), afterSeq: parseCursor(query.cursor) };
}

function parseCursor(value: unknown): string | undefined {
  if (value === undefined || value === "") return undefined;
  const invalid = invalidField(
    "cursor",
    "cursor is not one this API returned: use nextCursor as is",
  );
  if (typeof value !== "string") throw invalid;
  try {
    const decoded: unknown = JSON.parse(Buffer.from(value, "base64url").toString("utf8"));
    const after = (decoded as { after?: unknown } | null)?.after;
    if (typeof after === "string" && /^[0-9]{1,19}$/.test(after)) return after;
  } catch {
    // fall through to the 400
  }
  throw invalid;
}
