import type { PageKey } from "./cursor";

/**
 * A page out of the up to `limit + 1` records a listing read: the first `limit`, and, when one more
 * followed, the key of the last record of the page (where the next page starts).
 */
export function pageOf<T>(
  records: readonly T[],
  limit: number,
  keyOf: (record: T) => PageKey,
): { readonly items: T[]; readonly next?: PageKey } {
  const items = records.slice(0, limit);
  return records.length > limit ? { items, next: keyOf(items[limit - 1]) } : { items };
}
