import {
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  ResourceNotFoundException,
  type CreateTableCommandInput,
} from "@aws-sdk/client-dynamodb";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { startChild, type Child } from "./child-processes";
import { isListening, waitUntil } from "./ports";

/** Dummy credentials: dynalite checks that requests are signed, not by whom. */
export const LOCAL_AWS_CREDENTIALS = {
  AWS_ACCESS_KEY_ID: "local",
  AWS_SECRET_ACCESS_KEY: "local",
} as const;
export const LOCAL_AWS_REGION = "us-east-1";

export interface Dynalite {
  readonly endpoint: string;
  stop(): Promise<void>;
}

/** Starts dynalite (a DynamoDB-compatible server) on 127.0.0.1:port, in memory or under `path`. */
export async function startDynalite(options: {
  readonly port: number;
  readonly path?: string;
  /** Run it in its own process group, out of reach of the terminal's Ctrl-C. */
  readonly spawn?: { readonly detached?: boolean };
}): Promise<Dynalite> {
  const cli = require.resolve("dynalite/cli.js");
  const args = [cli, "--host", "127.0.0.1", "--port", String(options.port)];
  args.push("--createTableMs", "0", "--deleteTableMs", "0", "--updateTableMs", "0");
  if (options.path) args.push("--path", options.path);
  const child: Child = startChild(process.execPath, args, { ...options.spawn });
  await waitUntil(
    async () => {
      if (child.process.exitCode !== null) throw new Error(`dynalite exited:\n${child.tail()}`);
      return isListening(options.port);
    },
    15_000,
    () => `dynalite did not listen on port ${options.port} within 15 s:\n${child.tail()}`,
  );
  return {
    endpoint: `http://127.0.0.1:${options.port}`,
    async stop() {
      await child.stop("SIGTERM", 5_000);
    },
  };
}

/** The products table's keys and indexes, as the products service documents them. */
export function productsTableDefinition(
  root: string,
): Omit<CreateTableCommandInput, "TableName" | "BillingMode"> {
  const file = join(root, "services", "products", "src", "table-definition.json");
  return JSON.parse(readFileSync(file, "utf8")) as Omit<CreateTableCommandInput, "TableName">;
}

/** Creates the products table (on-demand billing) unless it exists. */
export async function ensureProductsTable(
  endpoint: string,
  tableName: string,
  root: string,
): Promise<void> {
  const client = new DynamoDBClient({
    endpoint,
    region: LOCAL_AWS_REGION,
    credentials: {
      accessKeyId: LOCAL_AWS_CREDENTIALS.AWS_ACCESS_KEY_ID,
      secretAccessKey: LOCAL_AWS_CREDENTIALS.AWS_SECRET_ACCESS_KEY,
    },
  });
  try {
    await client.send(new DescribeTableCommand({ TableName: tableName }));
  } catch (error) {
    if (!(error instanceof ResourceNotFoundException)) throw error;
    await client.send(
      new CreateTableCommand({
        ...productsTableDefinition(root),
        TableName: tableName,
        BillingMode: "PAY_PER_REQUEST",
      }),
    );
  } finally {
    client.destroy();
  }
}

/** The products service's table variables for a local dynalite, with the stand-in credentials. */
export function tableEnvironment(dynalite: Dynalite, tableName: string): Record<string, string> {
  return {
    TABLE_NAME: tableName,
    AWS_REGION: LOCAL_AWS_REGION,
    DYNAMODB_ENDPOINT: dynalite.endpoint,
    ...LOCAL_AWS_CREDENTIALS,
  };
}
