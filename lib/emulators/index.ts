import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { DynamoDbClient } from "./dynamodb-client";
import { startDynamoDbEmulator, type DynamoDbEmulator } from "./dynamodb-emulator";
import type { RecordedRequest } from "./request-journal";
import { S3_EMULATOR_CREDENTIALS, startS3Emulator, type S3Emulator } from "./s3-emulator";

export type { RecordedRequest } from "./request-journal";
export type { S3Emulator } from "./s3-emulator";
export { DynamoDbClient, DynamoDbError, type Item } from "./dynamodb-client";

export interface EmulatorOptions {
  /**
   * Where both emulators keep their data (`s3/`, `dynamodb/` inside). Given, it is kept after
   * `stop()`, so emulators started again on it see the same buckets, objects and items.
   * @default a fresh temporary folder, deleted by `stop()`
   */
  readonly dataDir?: string;
  /** The loopback address to listen on; ports are picked free by the OS. @default "127.0.0.1" */
  readonly host?: string;
}

/** The state stores a set of S3 backends needs: buckets, and DynamoDB lock tables. */
export interface StateStoreNames {
  readonly buckets: readonly string[];
  readonly lockTables: readonly string[];
}

/** S3 (s3rver) and DynamoDB (dynalite) stand-ins running in this process. */
export interface Emulators {
  readonly endpoints: { readonly s3: string; readonly dynamodb: string };
  /** Keys both emulators accept. */
  readonly credentials: { readonly accessKey: string; readonly secretKey: string };
  readonly dataDir: string;
  readonly s3: S3Emulator;
  readonly dynamodb: DynamoDbClient;
  /** Every request received so far, in arrival order. */
  readonly requests: readonly RecordedRequest[];
  /** Creates the buckets, and the lock tables keyed by `LockID` (string) as Terraform expects. */
  provisionStateStores(stores: StateStoreNames): Promise<void>;
  /** Stops both servers; safe to call more than once. */
  stop(): Promise<void>;
}

/** The hash key Terraform's S3 backend uses in a DynamoDB lock table. */
export const LOCK_TABLE_HASH_KEY = "LockID";

/** Starts both emulators on loopback. If either fails to start, nothing is left running. */
export async function startEmulators(options: EmulatorOptions = {}): Promise<Emulators> {
  const host = options.host ?? "127.0.0.1";
  const temporary = options.dataDir === undefined;
  const dataDir = temporary
    ? mkdtempSync(join(tmpdir(), "emulators-"))
    : resolve(options.dataDir as string);
  mkdirSync(join(dataDir, "s3"), { recursive: true });
  mkdirSync(join(dataDir, "dynamodb"), { recursive: true });

  // A forced exit (a second Ctrl-C) skips stop(): a temporary folder is still not left behind.
  const removeTemporary = (): void => rmSync(dataDir, { recursive: true, force: true });
  if (temporary) process.once("exit", removeTemporary);

  const requests: RecordedRequest[] = [];
  let s3: S3Emulator | undefined;
  let dynamodb: DynamoDbEmulator | undefined;
  const stopAll = async (): Promise<void> => {
    const running = [s3?.stop(), dynamodb?.stop()];
    s3 = undefined;
    dynamodb = undefined;
    const results = await Promise.allSettled(running);
    if (temporary) {
      process.off("exit", removeTemporary);
      removeTemporary();
    }
    const failure = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
    if (failure) throw failure.reason;
  };
  try {
    s3 = await startS3Emulator(host, join(dataDir, "s3"), requests);
    dynamodb = await startDynamoDbEmulator(host, join(dataDir, "dynamodb"), requests);
  } catch (error) {
    await stopAll().catch(() => undefined); // the start failure is the error worth reporting
    throw error;
  }
  const s3Emulator = s3;
  const dynamodbEmulator = dynamodb;

  let stopping: Promise<void> | undefined;
  return {
    endpoints: { s3: s3Emulator.endpoint, dynamodb: dynamodbEmulator.endpoint },
    credentials: S3_EMULATOR_CREDENTIALS,
    dataDir,
    s3: s3Emulator,
    dynamodb: dynamodbEmulator.client,
    requests,
    async provisionStateStores(stores) {
      for (const bucket of stores.buckets) await s3Emulator.ensureBucket(bucket);
      for (const table of stores.lockTables) {
        await dynamodbEmulator.client.ensureTable(table, LOCK_TABLE_HASH_KEY);
      }
    },
    stop() {
      stopping ??= stopAll();
      return stopping;
    },
  };
}

/** Runs `use` with emulators started for it, and stops them however `use` ends. */
export async function withEmulators<T>(
  options: EmulatorOptions,
  use: (emulators: Emulators) => Promise<T>,
): Promise<T> {
  const emulators = await startEmulators(options);
  try {
    return await use(emulators);
  } finally {
    await emulators.stop();
  }
}
