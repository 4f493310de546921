import { existsSync } from "node:fs";
import { join } from "node:path";
import { DynamoDbError, startEmulators, withEmulators } from "../../lib/emulators";
import { tempDir } from "../support/temp-dir";

const STORES = { buckets: ["state-bucket", "state-bucket"], lockTables: ["locks"] };

describe("emulators", () => {
  it("serve S3 and DynamoDB on loopback, with the state stores provisioned", async () => {
    await withEmulators({}, async (emulators) => {
      expect(emulators.endpoints.s3).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(emulators.endpoints.dynamodb).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      await emulators.provisionStateStores(STORES);

      expect(await emulators.s3.bucketExists("state-bucket")).toBe(true);
      expect(await emulators.s3.bucketExists("other-bucket")).toBe(false);
      const { Table } = await emulators.dynamodb.call<{
        Table: { TableStatus: string; KeySchema: unknown };
      }>("DescribeTable", { TableName: "locks" });
      expect(Table.TableStatus).toBe("ACTIVE");
      expect(Table.KeySchema).toEqual([{ AttributeName: "LockID", KeyType: "HASH" }]);
    });
  });

  it("provision idempotently: running it twice keeps what is there", async () => {
    await withEmulators({}, async (emulators) => {
      await emulators.provisionStateStores(STORES);
      await emulators.dynamodb.putItem("locks", { LockID: { S: "held" } });
      await emulators.provisionStateStores(STORES);
      expect(await emulators.dynamodb.scan("locks")).toEqual([{ LockID: { S: "held" } }]);
    });
  });

  it("restarted on the same data folder, return the same buckets, objects and items", async () => {
    const dataDir = join(tempDir("emulator-data-"), "data");
    const first = await startEmulators({ dataDir });
    await first.provisionStateStores(STORES);
    await fetch(`${first.endpoints.s3}/state-bucket/env/terraform.tfstate`, {
      method: "PUT",
      body: '{"serial": 7}',
    });
    await first.dynamodb.putItem("locks", {
      LockID: { S: "state-bucket/env/terraform.tfstate-md5" },
    });
    await first.stop();

    const second = await startEmulators({ dataDir });
    try {
      expect(await second.s3.listKeys("state-bucket")).toEqual(["env/terraform.tfstate"]);
      expect(await second.s3.getObject("state-bucket", "env/terraform.tfstate")).toBe(
        '{"serial": 7}',
      );
      expect(await second.dynamodb.scan("locks")).toEqual([
        { LockID: { S: "state-bucket/env/terraform.tfstate-md5" } },
      ]);
    } finally {
      await second.stop();
    }
    expect(existsSync(dataDir)).toBe(true);
  });

  it("delete a temporary data folder when stopped, and stop only once", async () => {
    const emulators = await startEmulators();
    expect(existsSync(emulators.dataDir)).toBe(true);
    await Promise.all([emulators.stop(), emulators.stop()]);
    expect(existsSync(emulators.dataDir)).toBe(false);
    await expect(fetch(emulators.endpoints.s3)).rejects.toThrow();
  });

  it("stop even when the work done with them fails", async () => {
    let s3Endpoint = "";
    await expect(
      withEmulators({}, async (emulators) => {
        s3Endpoint = emulators.endpoints.s3;
        throw new Error("plan failed");
      }),
    ).rejects.toThrow("plan failed");
    await expect(fetch(s3Endpoint)).rejects.toThrow();
  });

  it("record the DynamoDB operations and lock IDs they receive", async () => {
    await withEmulators({}, async (emulators) => {
      await emulators.provisionStateStores(STORES);
      await emulators.dynamodb.putItem("locks", { LockID: { S: "bucket/key" } });
      await emulators.dynamodb.deleteItem("locks", { LockID: { S: "bucket/key" } });
      const writes = emulators.requests.filter((r) => r.lockId !== undefined);
      expect(writes.map((r) => [r.operation, r.table, r.lockId])).toEqual([
        ["PutItem", "locks", "bucket/key"],
        ["DeleteItem", "locks", "bucket/key"],
      ]);
    });
  });

  it("report DynamoDB errors by their type", async () => {
    await withEmulators({}, async (emulators) => {
      const error = await emulators.dynamodb.scan("missing").catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DynamoDbError);
      expect((error as DynamoDbError).type).toBe("ResourceNotFoundException");
    });
  });
});
