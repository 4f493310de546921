import { ConditionalCheckFailedException, DynamoDBClient } from "@aws-sdk/client-dynamodb";
import {
  DeleteCommand,
  DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  ScanCommand,
  UpdateCommand,
} from "@aws-sdk/lib-dynamodb";
import {
  decodeCursor,
  tableClientOptions,
  type PageKey,
  type TableSettings,
} from "@shop/service-platform";
import { randomUUID } from "node:crypto";
import type { ProductInput } from "./product-input";

/** A product as the API returns it (and as it is stored). */
export interface Product {
  readonly id: string;
  readonly name: string;
  readonly price: number;
  readonly ownerId: string;
  readonly createdAt: string;
}

export interface ProductPage {
  readonly items: readonly Product[];
  /** The key of the last item returned, when more items follow. */
  readonly lastKey?: PageKey;
}

/** The table's key and the index listing an owner's products in creation order (service.json). */
export const TABLE_KEY = ["id"];
export const OWNER_INDEX = { name: "ownerId-createdAt-index", key: ["ownerId", "createdAt"] };
/** What a page of the index stops at (LastEvaluatedKey): the index's key and the table's. */
const OWNER_INDEX_PAGE_KEY = [...TABLE_KEY, ...OWNER_INDEX.key];
/** The key /ready reads: it is never written (ids are UUIDs); reading it proves the table answers. */
const READINESS_PROBE_KEY = { id: "readiness-probe" };

function toProduct(item: Record<string, unknown>): Product {
  return {
    id: String(item.id),
    name: String(item.name),
    price: Number(item.price),
    ownerId: String(item.ownerId),
    createdAt: String(item.createdAt),
  };
}

/**
 * Products in one DynamoDB table keyed by id, with a global secondary index on ownerId.
 * DynamoDB actions used: PutItem, GetItem, UpdateItem, DeleteItem, Query (index), Scan.
 */
export class ProductStore {
  private readonly client: DynamoDBClient;
  private readonly documents: DynamoDBDocumentClient;
  private readonly table: string;

  constructor(settings: TableSettings) {
    this.client = new DynamoDBClient(tableClientOptions(settings));
    this.documents = DynamoDBDocumentClient.from(this.client, {
      marshallOptions: { removeUndefinedValues: true },
    });
    this.table = settings.tableName;
  }

  async create(input: ProductInput): Promise<Product> {
    const product: Product = { id: randomUUID(), ...input, createdAt: new Date().toISOString() };
    await this.documents.send(
      new PutCommand({
        TableName: this.table,
        Item: product,
        ConditionExpression: "attribute_not_exists(id)",
      }),
    );
    return product;
  }

  async find(id: string): Promise<Product | undefined> {
    const { Item } = await this.documents.send(
      new GetCommand({ TableName: this.table, Key: { id } }),
    );
    return Item && toProduct(Item);
  }

  /**
   * All products (a Scan) or one owner's in creation order (a Query on the owner index), `limit`
   * at a time. Reads one item more than asked, so the last page says it is the last.
   */
  async list(limit: number, cursor?: string, ownerId?: string): Promise<ProductPage> {
    const keyAttributes = ownerId === undefined ? TABLE_KEY : OWNER_INDEX_PAGE_KEY;
    const startKey =
      cursor === undefined
        ? undefined
        : decodeCursor(cursor, keyAttributes, ownerId === undefined ? {} : { ownerId });
    const result =
      ownerId === undefined
        ? await this.documents.send(
            new ScanCommand({
              TableName: this.table,
              Limit: limit + 1,
              ExclusiveStartKey: startKey,
            }),
          )
        : await this.documents.send(
            new QueryCommand({
              TableName: this.table,
              IndexName: OWNER_INDEX.name,
              KeyConditionExpression: "ownerId = :ownerId",
              ExpressionAttributeValues: { ":ownerId": ownerId },
              Limit: limit + 1,
              ExclusiveStartKey: startKey,
            }),
          );
    const items = (result.Items ?? []).map(toProduct);
    // Every key attribute of this table and its index is a string.
    const stoppedAt = result.LastEvaluatedKey as PageKey | undefined;
    if (items.length <= limit) return { items, lastKey: stoppedAt };
    const last = items[limit - 1];
    const lastKey = Object.fromEntries(
      keyAttributes.map((name) => [name, String(last[name as keyof Product])]),
    );
    return { items: items.slice(0, limit), lastKey };
  }

  /** Replaces name, price and owner; undefined when there is no such product. */
  async replace(id: string, input: ProductInput): Promise<Product | undefined> {
    try {
      const { Attributes } = await this.documents.send(
        new UpdateCommand({
          TableName: this.table,
          Key: { id },
          UpdateExpression: "SET #name = :name, price = :price, ownerId = :ownerId",
          ConditionExpression: "attribute_exists(id)",
          ExpressionAttributeNames: { "#name": "name" },
          ExpressionAttributeValues: {
            ":name": input.name,
            ":price": input.price,
            ":ownerId": input.ownerId,
          },
          ReturnValues: "ALL_NEW",
        }),
      );
      return Attributes && toProduct(Attributes);
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return undefined;
      throw error;
    }
  }

  /** Whether a product was deleted. */
  async remove(id: string): Promise<boolean> {
    try {
      await this.documents.send(
        new DeleteCommand({
          TableName: this.table,
          Key: { id },
          ConditionExpression: "attribute_exists(id)",
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }

  /** Reads one (missing) item with a short timeout: proves the table exists and answers. */
  async ping(): Promise<void> {
    await this.documents.send(new GetCommand({ TableName: this.table, Key: READINESS_PROBE_KEY }), {
      abortSignal: AbortSignal.timeout(2_000),
    });
  }

  close(): void {
    this.documents.destroy();
    this.client.destroy();
  }
}
