import {
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  ResourceNotFoundException,
  type AttributeDefinition,
  type CreateTableCommandInput,
  type KeySchemaElement,
} from "@aws-sdk/client-dynamodb";
import type { DynamodbKey, DynamodbUse } from "../../config/model";
import { startDynamoDbEmulator } from "../../lib/emulators/dynamodb-emulator";
import { LOCAL_AWS } from "./local-aws";

/** dynalite (a DynamoDB-compatible server) running in this process. */
export interface LocalDynamodb {
  readonly endpoint: string;
  stop(): Promise<void>;
}

/** Starts dynalite on 127.0.0.1, on a port it picks, its tables kept under `directory`. */
export async function startLocalDynamodb(directory: string): Promise<LocalDynamodb> {
  const emulator = await startDynamoDbEmulator("127.0.0.1", directory);
  return { endpoint: emulator.endpoint, stop: () => emulator.stop() };
}

const keySchema = (partition: DynamodbKey, sort?: DynamodbKey): KeySchemaElement[] => [
  { AttributeName: partition.name, KeyType: "HASH" },
  ...(sort ? [{ AttributeName: sort.name, KeyType: "RANGE" as const }] : []),
];

/** The table a manifest declares (keys, indexes), as DynamoDB's CreateTable takes it. */
export function createTableInput(tableName: string, use: DynamodbUse): CreateTableCommandInput {
  const keys = [
    use.partitionKey,
    use.sortKey,
    ...use.indexes.flatMap((i) => [i.partitionKey, i.sortKey]),
  ];
  const attributes = new Map<string, AttributeDefinition>();
  for (const key of keys) {
    if (key) attributes.set(key.name, { AttributeName: key.name, AttributeType: key.type });
  }
  return {
    TableName: tableName,
    BillingMode: "PAY_PER_REQUEST",
    AttributeDefinitions: [...attributes.values()],
    KeySchema: keySchema(use.partitionKey, use.sortKey),
    ...(use.indexes.length > 0 && {
      GlobalSecondaryIndexes: use.indexes.map((index) => ({
        IndexName: index.name,
        KeySchema: keySchema(index.partitionKey, index.sortKey),
        Projection: { ProjectionType: index.projection },
      })),
    }),
  };
}

/** Creates the table the manifest declares unless a table of that name exists. */
export async function ensureTable(
  dynamodb: LocalDynamodb,
  tableName: string,
  use: DynamodbUse,
): Promise<void> {
  const client = new DynamoDBClient({
    endpoint: dynamodb.endpoint,
    region: LOCAL_AWS.region,
    credentials: LOCAL_AWS.credentials,
  });
  try {
    await client.send(new DescribeTableCommand({ TableName: tableName }));
  } catch (error) {
    if (!(error instanceof ResourceNotFoundException)) throw error;
    await client.send(new CreateTableCommand(createTableInput(tableName, use)));
  } finally {
    client.destroy();
  }
}

/** A service's table variables (as ECS sets them), plus the local endpoint. */
export function tableEnvironment(
  dynamodb: Pick<LocalDynamodb, "endpoint">,
  tableName: string,
): Record<string, string> {
  return { TABLE_NAME: tableName, DYNAMODB_ENDPOINT: dynamodb.endpoint };
}
