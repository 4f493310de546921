/** A DynamoDB attribute value in the wire format, e.g. `{ S: "text" }`. */
export type AttributeValue =
  { readonly S: string } | { readonly N: string } | { readonly BOOL: boolean };
export type Item = Readonly<Record<string, AttributeValue>>;

/** The error DynamoDB returned, with its type, e.g. `ResourceInUseException`. */
export class DynamoDbError extends Error {
  constructor(
    readonly type: string,
    message: string,
  ) {
    super(`DynamoDB ${type}: ${message}`);
    this.name = "DynamoDbError";
  }
}

/**
 * A minimal DynamoDB JSON-protocol client for a local stand-in. Requests carry a well-formed but
 * unsigned SigV4 header: the stand-in checks its shape, never the signature.
 */
export class DynamoDbClient {
  constructor(
    readonly endpoint: string,
    private readonly region = "us-east-1",
  ) {}

  async call<T>(operation: string, input: object): Promise<T> {
    const date = new Date().toISOString().replace(/[-:]/g, "").replace(/\.\d+/, "");
    const response = await fetch(this.endpoint, {
      method: "POST",
      headers: {
        "Content-Type": "application/x-amz-json-1.0",
        "X-Amz-Target": `DynamoDB_20120810.${operation}`,
        "X-Amz-Date": date,
        Authorization:
          `AWS4-HMAC-SHA256 Credential=offline/${date.slice(0, 8)}/${this.region}/dynamodb/aws4_request, ` +
          "SignedHeaders=host;x-amz-date;x-amz-target, Signature=unsigned",
      },
      body: JSON.stringify(input),
    });
    const body = (await response.json()) as T & { __type?: string; message?: string };
    if (!response.ok) {
      const type = (body.__type ?? "UnknownError").split("#").pop() as string;
      throw new DynamoDbError(type, body.message ?? `HTTP ${response.status}`);
    }
    return body;
  }

  /**
   * Creates a table keyed by one string attribute (pay per request), or leaves an existing one,
   * and waits until it is ACTIVE.
   */
  async ensureTable(tableName: string, hashKey: string): Promise<void> {
    try {
      await this.call("CreateTable", {
        TableName: tableName,
        AttributeDefinitions: [{ AttributeName: hashKey, AttributeType: "S" }],
        KeySchema: [{ AttributeName: hashKey, KeyType: "HASH" }],
        BillingMode: "PAY_PER_REQUEST",
      });
    } catch (error) {
      if (!(error instanceof DynamoDbError && error.type === "ResourceInUseException")) throw error;
    }
    for (let attempt = 0; attempt < 100; attempt++) {
      const { Table } = await this.call<{ Table: { TableStatus: string } }>("DescribeTable", {
        TableName: tableName,
      });
      if (Table.TableStatus === "ACTIVE") return;
      await new Promise((resume) => setTimeout(resume, 50));
    }
    throw new Error(`DynamoDB table ${tableName} did not become ACTIVE within 5 s.`);
  }

  /** Every item of a table, page after page. */
  async scan(tableName: string): Promise<Item[]> {
    const items: Item[] = [];
    let start: Item | undefined;
    do {
      const page: { Items: Item[]; LastEvaluatedKey?: Item } = await this.call("Scan", {
        TableName: tableName,
        ...(start === undefined ? {} : { ExclusiveStartKey: start }),
      });
      items.push(...page.Items);
      start = page.LastEvaluatedKey;
    } while (start !== undefined);
    return items;
  }

  async putItem(tableName: string, item: Item): Promise<void> {
    await this.call("PutItem", { TableName: tableName, Item: item });
  }

  async deleteItem(tableName: string, key: Item): Promise<void> {
    await this.call("DeleteItem", { TableName: tableName, Key: key });
  }
}
