import { DynamodbTable } from "@cdktf/provider-aws/lib/dynamodb-table";
import { TerraformOutput } from "cdktf";
import { DynamodbModule, keyAttributes, type DynamodbModuleProps } from "../../modules/dynamodb";
import { logicalId, ref, synthScope, type Synthesized } from "../support/synth";

function synthTable(overrides: Partial<DynamodbModuleProps> = {}): Synthesized {
  return synthScope((scope) => {
    const table = new DynamodbModule(scope, "dynamodb-products", {
      tableName: "shop-prod-products",
      partitionKey: { name: "id", type: "S" },
      indexes: [
        {
          name: "byOwner",
          partitionKey: { name: "ownerId", type: "S" },
          sortKey: { name: "createdAt", type: "S" },
          projection: "ALL",
        },
      ],
      deletionProtection: true,
      ...overrides,
    });
    new TerraformOutput(scope, "outputs", {
      value: { name: table.tableName, arn: table.tableArn, indexes: table.indexArns },
    });
  });
}

describe("DynamodbModule", () => {
  it("creates an on-demand table with point-in-time recovery, deletion protection and its key schema", () => {
    expect(synthTable().text).toHaveResourceWithProperties(DynamodbTable, {
      name: "shop-prod-products",
      billing_mode: "PAY_PER_REQUEST",
      hash_key: "id",
      point_in_time_recovery: { enabled: true },
      deletion_protection_enabled: true,
    });
  });

  it("encrypts the table with a key of its own, rotated yearly", () => {
    const synth = synthTable();
    expect(synth.resource("aws_kms_key")).toMatchObject({ enable_key_rotation: true });
    expect(synth.resource("aws_dynamodb_table").server_side_encryption).toEqual({
      enabled: true,
      kms_key_arn: ref("aws_kms_key", logicalId(synth, "aws_kms_key", "key"), "arn"),
    });
  });

  it("defines exactly the key attributes of the table and its indexes, each once", () => {
    const table = synthTable({
      sortKey: { name: "createdAt", type: "S" },
    }).resource("aws_dynamodb_table");
    expect(table.attribute).toEqual([
      { name: "id", type: "S" },
      { name: "createdAt", type: "S" },
      { name: "ownerId", type: "S" },
    ]);
    expect(table.range_key).toBe("createdAt");
  });

  it("creates the declared global secondary indexes with their projections", () => {
    const table = synthTable({
      indexes: [
        { name: "byOwner", partitionKey: { name: "ownerId", type: "S" }, projection: "ALL" },
        {
          name: "byPrice",
          partitionKey: { name: "category", type: "S" },
          sortKey: { name: "price", type: "N" },
          projection: "KEYS_ONLY",
        },
      ],
    }).resource("aws_dynamodb_table");
    expect(table.global_secondary_index).toEqual([
      { name: "byOwner", hash_key: "ownerId", projection_type: "ALL" },
      { name: "byPrice", hash_key: "category", range_key: "price", projection_type: "KEYS_ONLY" },
    ]);
  });

  it("has no index block and no index attribute when none are declared", () => {
    const table = synthTable({ indexes: [] }).resource("aws_dynamodb_table");
    expect(table.global_secondary_index).toBeUndefined();
    expect(table.attribute).toEqual([{ name: "id", type: "S" }]);
  });

  it("lets deletion protection be turned off (non-production)", () => {
    expect(
      synthTable({ deletionProtection: false }).resource("aws_dynamodb_table")
        .deletion_protection_enabled,
    ).toBe(false);
  });

  it("outputs the table's name, ARN and its indexes' ARN pattern", () => {
    const synth = synthTable();
    const id = logicalId(synth, "aws_dynamodb_table", "table");
    expect(synth.json.output!.outputs.value).toEqual({
      name: ref("aws_dynamodb_table", id, "name"),
      arn: ref("aws_dynamodb_table", id, "arn"),
      indexes: `${ref("aws_dynamodb_table", id, "arn")}/index/*`,
    });
  });
});

describe("keyAttributes", () => {
  it("refuses an attribute given two types", () => {
    expect(() =>
      keyAttributes([
        { name: "id", type: "S" },
        { name: "id", type: "N" },
      ]),
    ).toThrow('attribute "id" is both S and N; give it one type in every key');
  });
});
