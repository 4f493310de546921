import { invalidField } from "./http-errors";

/** Where a page stopped, by attribute (a DynamoDB LastEvaluatedKey, a row's sequence number…). */
export type PageKey = Record<string, string>;

/** The opaque `nextCursor` of a listing: the key the next page starts after. */
export function encodeCursor(key: Readonly<PageKey>): string {
  return Buffer.from(JSON.stringify(key)).toString("base64url");
}

/** 400 naming `cursor`: a cursor this API did not return (for this query). */
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
