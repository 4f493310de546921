import { loadProject } from "../../config/load";
import { ConfigError, formatProblem } from "../../config/problems";
import { editJson, makeTempProject } from "../support/temp-project";

/** The repository's configuration with edits applied, loaded: its problems, or none. */
function problemsWith(edits: Record<string, (json: Record<string, any>) => void>): string[] {
  const root = makeTempProject();
  for (const [file, edit] of Object.entries(edits)) editJson(root, file, edit);
  try {
    loadProject(root);
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.problems.map(formatProblem);
    throw error;
  }
}

describe("data store configuration", () => {
  const { environments, services } = loadProject(".");
  const env = (name: string) => environments.find((e) => e.name === name)!;
  const service = (name: string) => services.find((s) => s.name === name)!;

  it("gives users a PostgreSQL database and products a DynamoDB table with its key schema and operations", () => {
    expect(service("users").datastores).toEqual({
      postgres: { database: "users", username: "users_admin" },
    });
    expect(service("products").datastores).toEqual({
      dynamodb: {
        partitionKey: { name: "id", type: "S" },
        indexes: [
          {
            name: "ownerId-createdAt-index",
            partitionKey: { name: "ownerId", type: "S" },
            sortKey: { name: "createdAt", type: "S" },
            projection: "ALL",
          },
        ],
        operations: ["GetItem", "PutItem", "UpdateItem", "DeleteItem", "Query", "Scan"],
      },
    });
  });

  it("makes prod's database Multi-AZ with two weeks of backups and dev's single-AZ with one week", () => {
    expect(env("prod").database).toEqual({
      engineVersion: "16",
      instanceClass: "db.t4g.medium",
      allocatedStorageGb: 20,
      maxAllocatedStorageGb: 100,
      multiAz: true,
      backupRetentionDays: 14,
      readReplica: false,
      performanceInsights: true,
    });
    expect(env("dev").database).toMatchObject({
      instanceClass: "db.t4g.micro",
      multiAz: false,
      backupRetentionDays: 7,
    });
  });

  it("defaults the storage ceiling to twice a large allocation", () => {
    const root = makeTempProject();
    editJson(root, "environments/dev.json", (e) => (e.database = { allocatedStorageGb: 300 }));
    const dev = loadProject(root).environments.find((e) => e.name === "dev")!;
    expect(dev.database.maxAllocatedStorageGb).toBe(600);
  });

  it("rejects backup retention outside 7 to 35 days and a malformed instance class", () => {
    expect(
      problemsWith({
        "environments/prod.json": (e) => {
          e.database.backupRetentionDays = 3;
          e.database.instanceClass = "t4g.medium";
        },
      }),
    ).toEqual([
      'environments/prod.json: $.database.instanceClass: "t4g.medium" is invalid; expected the RDS instance class; defaults to db.t4g.medium in production, db.t4g.micro elsewhere (e.g. "db.t4g.medium")',
      "environments/prod.json: $.database.backupRetentionDays: 3 is outside 7 to 35; expected days of automated backups (point-in-time restore), 7 to 35; defaults to 14 in production, 7 elsewhere",
    ]);
  });

  it("rejects a storage ceiling RDS would refuse, and accepts one equal to the allocation", () => {
    expect(
      problemsWith({
        "environments/prod.json": (e) =>
          Object.assign(e.database, { allocatedStorageGb: 100, maxAllocatedStorageGb: 105 }),
      }),
    ).toEqual([
      "environments/prod.json: $.database.maxAllocatedStorageGb: 105 is below allocatedStorageGb (100) plus 10%; expected at least 110, or 100 to turn storage autoscaling off",
    ]);
    expect(
      problemsWith({
        "environments/prod.json": (e) =>
          Object.assign(e.database, { allocatedStorageGb: 100, maxAllocatedStorageGb: 100 }),
      }),
    ).toEqual([]);
  });

  it("rejects a database name PostgreSQL reserves", () => {
    expect(
      problemsWith({
        "services/users/service.json": (s) => (s.datastores.postgres.database = "postgres"),
      }),
    ).toEqual([
      'services/users/service.json: $.datastores.postgres.database: "postgres" is reserved by PostgreSQL or RDS; expected another name, e.g. "users"',
    ]);
  });

  it("rejects key schemas DynamoDB would refuse: two types for one attribute, repeated index names, sort key equal to partition key", () => {
    expect(
      problemsWith({
        "services/products/service.json": (s) => {
          const table = s.datastores.dynamodb;
          table.sortKey = { name: "id" };
          table.indexes.push({
            name: "ownerId-createdAt-index",
            partitionKey: { name: "ownerId", type: "N" },
          });
        },
      }),
    ).toEqual([
      'services/products/service.json: $.datastores.dynamodb.sortKey.name: "id" is also the partition key; expected a different attribute, or no sortKey',
      'services/products/service.json: $.datastores.dynamodb.indexes[1].name: "ownerId-createdAt-index" names another index too; expected unique index names',
      'services/products/service.json: $.datastores.dynamodb.indexes[1].partitionKey.type: "N" differs from the type "S" of "ownerId" at $.datastores.dynamodb.indexes[0].partitionKey; expected one type per attribute',
    ]);
  });

  it("rejects an operation DynamoDB permissions do not know, and an empty operation list", () => {
    const problems = problemsWith({
      "services/products/service.json": (s) => (s.datastores.dynamodb.operations = ["Scan", "*"]),
    });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(
      /^services\/products\/service.json: \$.datastores.dynamodb.operations\[1\]: "\*" is not allowed; expected one of "GetItem"/,
    );
    expect(
      problemsWith({
        "services/products/service.json": (s) => (s.datastores.dynamodb.operations = []),
      }),
    ).toHaveLength(1);
  });

  it("keeps the variables the data store wiring sets out of a manifest's plain environment", () => {
    expect(
      problemsWith({
        "services/users/service.json": (s) => (s.environment.DATABASE_PASSWORD = "hunter2"),
        "services/products/service.json": (s) => (s.environment.TABLE_NAME = "other"),
      }),
    ).toEqual([
      'services/products/service.json: $.environment.TABLE_NAME: "TABLE_NAME" is set from the service\'s datastores; remove it from environment',
      'services/users/service.json: $.environment.DATABASE_PASSWORD: "DATABASE_PASSWORD" is set from the service\'s datastores; remove it from environment',
    ]);
  });

  it("rejects two environments that put one state bucket in different regions", () => {
    expect(
      problemsWith({
        // dev derives the bucket's region from its own region; prod writes another.
        "environments/dev.json": (e) => delete e.state.region,
        "environments/prod.json": (e) => (e.state.region = "eu-west-1"),
      }),
    ).toEqual([
      'environments/prod.json: $.state.region: "eu-west-1" differs from "us-east-1", where environments/dev.json ($.region) has the state bucket "shop-terraform-state"; expected "us-east-1", or a state bucket of its own in $.state.bucket',
    ]);
  });
});
