import type { PageKey } from "@shop/service-platform";

/** An item as the API returns it (and as it is stored). */
export interface Item {
  readonly id: string;
  readonly name: string;
  readonly createdAt: string;
}

export interface ItemPage {
  readonly items: readonly Item[];
  /** Where the next page starts, when more items follow. */
  readonly next?: PageKey;
}

/** Where the items live: src/items/item-store.ts implements it for the service's data store. */
export interface ItemStore {
  /** Gets the store ready to serve (for a database: its schema), before the service listens. */
  prepare(): Promise<void>;
  create(name: string): Promise<Item>;
  /** The item, or undefined when there is none with this id. */
  find(id: string): Promise<Item | undefined>;
  /** `limit` items, after the page `cursor` (a nextCursor) stopped at; a 400 for a bad cursor. */
  list(limit: number, cursor?: string): Promise<ItemPage>;
  /** Whether an item was deleted. */
  remove(id: string): Promise<boolean>;
  /** Throws unless the store answers, quickly. */
  ping(): Promise<void>;
  /** Whether an error means the store cannot serve now (503), rather than a bug (500). */
  isUnavailable(error: unknown): boolean;
  close(): Promise<void>;
}
