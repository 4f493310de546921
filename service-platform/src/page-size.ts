import { invalidField } from "./http-errors";

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

/** The `?limit=` of a listing: DEFAULT_PAGE_SIZE when absent; a 400 naming `limit` when invalid. */
export function parseLimit(value: unknown): number {
  if (value === undefined || value === "") return DEFAULT_PAGE_SIZE;
  const limit = typeof value === "string" && /^[0-9]+$/.test(value) ? Number(value) : NaN;
  if (!(limit >= 1 && limit <= MAX_PAGE_SIZE)) {
    throw invalidField("limit", `limit must be a whole number from 1 to ${MAX_PAGE_SIZE}`);
  }
  return limit;
}
