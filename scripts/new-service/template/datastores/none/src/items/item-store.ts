import {
  decodeCursor,
  invalidCursor,
  pageOf,
  type EnvironmentReader,
} from "@shop/service-platform";
import type { FastifyBaseLogger } from "fastify";
import { randomUUID } from "node:crypto";
import type { Item, ItemPage, ItemStore } from "./item";

/** This store needs no settings. */
export type StoreSettings = Record<string, never>;

export function readStoreSettings(_read: EnvironmentReader): StoreSettings {
  return {};
}

/**
 * Items in this process's memory: lost when it stops, and not shared between tasks. A starting
 * point: declare a data store in service.json (postgres or dynamodb) and keep the items there.
 */
class MemoryItemStore implements ItemStore {
  /** In creation order. */
  private readonly items = new Map<string, Item>();

  async prepare(): Promise<void> {}

  async create(name: string): Promise<Item> {
    const item: Item = { id: randomUUID(), name, createdAt: new Date().toISOString() };
    this.items.set(item.id, item);
    return item;
  }

  async find(id: string): Promise<Item | undefined> {
    return this.items.get(id);
  }

  async list(limit: number, cursor?: string): Promise<ItemPage> {
    const all = [...this.items.values()];
    let start = 0;
    if (cursor !== undefined) {
      const { after } = decodeCursor(cursor, ["after"]);
      start = all.findIndex((item) => item.id === after) + 1;
      if (start === 0) throw invalidCursor();
    }
    return pageOf(all.slice(start, start + limit + 1), limit, (item) => ({ after: item.id }));
  }

  async remove(id: string): Promise<boolean> {
    return this.items.delete(id);
  }

  async ping(): Promise<void> {}

  isUnavailable(): boolean {
    return false;
  }

  async close(): Promise<void> {}
}

export function createItemStore(
  _settings: StoreSettings,
  _log: () => FastifyBaseLogger,
): ItemStore {
  return new MemoryItemStore();
}
