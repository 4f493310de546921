import {
  ConditionalCheckFailedException,
  DeleteItemCommand,
  DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  ScanCommand,
  type AttributeValue,
} from "@aws-sdk/client-dynamodb";
import {
  decodeCursor,
  isTableUnavailable,
  pageOf,
  readTableSettings,
  tableClientOptions,
  type EnvironmentReader,
  type TableSettings,
} from "@shop/service-platform";
import type { FastifyBaseLogger } from "fastify";
import { randomUUID } from "node:crypto";
import type { Item, ItemPage, ItemStore } from "./item";

/** TABLE_NAME and AWS_REGION, as ECS sets them for the service's own table (DYNAMODB_ENDPOINT locally). */
export type StoreSettings = TableSettings;

export function readStoreSettings(read: EnvironmentReader): StoreSettings {
  return readTableSettings(read);
}

/** The key /ready reads: never written (ids are UUIDs); reading it proves the table answers. */
const READINESS_PROBE_KEY = { id: { S: "readiness-probe" } };

function toItem(record: Record<string, AttributeValue>): Item {
  return { id: record.id.S ?? "", name: record.name.S ?? "", createdAt: record.createdAt.S ?? "" };
}

/**
 * Items in the service's DynamoDB table, keyed by id (its manifest declares the table; the stack
 * creates it). DynamoDB actions used: PutItem, GetItem, DeleteItem, Scan.
 */
class TableItemStore implements ItemStore {
  private readonly client: DynamoDBClient;
  private readonly table: string;

  constructor(settings: TableSettings) {
    this.client = new DynamoDBClient(tableClientOptions(settings));
    this.table = settings.tableName;
  }

  async prepare(): Promise<void> {}

  async create(name: string): Promise<Item> {
    const item: Item = { id: randomUUID(), name, createdAt: new Date().toISOString() };
    await this.client.send(
      new PutItemCommand({
        TableName: this.table,
        Item: { id: { S: item.id }, name: { S: item.name }, createdAt: { S: item.createdAt } },
        ConditionExpression: "attribute_not_exists(id)",
      }),
    );
    return item;
  }

  async find(id: string): Promise<Item | undefined> {
    const { Item } = await this.client.send(
      new GetItemCommand({ TableName: this.table, Key: { id: { S: id } } }),
    );
    return Item && toItem(Item);
  }

  /** Items in table order (a Scan), `limit` at a time; reads one more, so a last page says so. */
  async list(limit: number, cursor?: string): Promise<ItemPage> {
    const start = cursor === undefined ? undefined : decodeCursor(cursor, ["id"]);
    const result = await this.client.send(
      new ScanCommand({
        TableName: this.table,
        Limit: limit + 1,
        ExclusiveStartKey: start && { id: { S: start.id } },
      }),
    );
    const page = pageOf((result.Items ?? []).map(toItem), limit, (item) => ({ id: item.id }));
    // A scan may also stop early (1 MB read): it then says where to go on.
    const stoppedAt = result.LastEvaluatedKey?.id?.S;
    return page.next || stoppedAt === undefined ? page : { ...page, next: { id: stoppedAt } };
  }

  async remove(id: string): Promise<boolean> {
    try {
      await this.client.send(
        new DeleteItemCommand({
          TableName: this.table,
          Key: { id: { S: id } },
          ConditionExpression: "attribute_exists(id)",
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }

  async ping(): Promise<void> {
    await this.client.send(
      new GetItemCommand({ TableName: this.table, Key: READINESS_PROBE_KEY }),
      { abortSignal: AbortSignal.timeout(2_000) },
    );
  }

  isUnavailable(error: unknown): boolean {
    return isTableUnavailable(error);
  }

  async close(): Promise<void> {
    this.client.destroy();
  }
}

export function createItemStore(settings: StoreSettings, _log: () => FastifyBaseLogger): ItemStore {
  return new TableItemStore(settings);
}
