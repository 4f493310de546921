import { call } from "./http";

/**
 * Every page of a listing at `api` (with the `query` given, e.g. "ownerId=…&"), `limit` items at
 * a time, following nextCursor until it is null; fails on any other status, a page larger than
 * `limit`, or more than 1000 pages.
 */
export async function allPages<T = { id: string }>(
  api: string,
  query: string,
  limit: number,
): Promise<T[][]> {
  const pages: T[][] = [];
  let cursor: string | null = null;
  do {
    const suffix: string = cursor === null ? "" : `&cursor=${cursor}`;
    const response = await call(api, "GET", `?${query}limit=${limit}${suffix}`);
    if (response.status !== 200 || response.body.items.length > limit) {
      throw new Error(
        `a page of at most ${limit}: got ${response.status} ${JSON.stringify(response.body)}`,
      );
    }
    pages.push(response.body.items);
    cursor = response.body.nextCursor;
  } while (cursor !== null && pages.length < 1000);
  if (cursor !== null) throw new Error("more than 1000 pages");
  return pages;
}
