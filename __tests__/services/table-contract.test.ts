// The products service's code and the stack must agree on the table: the stack creates it from the
// manifest (services/products/service.json), the code queries it by the keys and index in
// services/products/src/table-definition.json, and IAM grants only the operations in the manifest.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { PROJECT, synthEnvironment } from "../support/stacks";

const SOURCE = join("services", "products", "src");
const definition = JSON.parse(readFileSync(join(SOURCE, "table-definition.json"), "utf8")) as {
  KeySchema: { AttributeName: string; KeyType: string }[];
  GlobalSecondaryIndexes: {
    IndexName: string;
    KeySchema: { AttributeName: string; KeyType: string }[];
    Projection: { ProjectionType: string };
  }[];
};
const keyOf = (schema: { AttributeName: string; KeyType: string }[], type: string) =>
  schema.find((k) => k.KeyType === type)?.AttributeName;

/** The lib-dynamodb commands the service's source sends, as DynamoDB operation names. */
function operationsInSource(dir: string): string[] {
  const operations = new Set<string>();
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.name.endsWith(".ts")) continue;
    const text = readFileSync(join(entry.parentPath, entry.name), "utf8");
    for (const [, command] of text.matchAll(/new (Get|Put|Update|Delete|Query|Scan)Command\(/g)) {
      operations.add(["Query", "Scan"].includes(command) ? command : `${command}Item`);
    }
  }
  return [...operations].sort();
}

describe("the products table contract", () => {
  const table = synthEnvironment("prod").resource("aws_dynamodb_table");
  const manifest = PROJECT.services.find((s) => s.name === "products")!.datastores.dynamodb!;

  it("creates the table with the key schema the code uses", () => {
    expect(table.hash_key).toBe(keyOf(definition.KeySchema, "HASH"));
    expect(table.range_key).toBe(keyOf(definition.KeySchema, "RANGE"));
  });

  it("creates exactly the indexes the code queries", () => {
    expect(table.global_secondary_index).toEqual(
      definition.GlobalSecondaryIndexes.map((index) => ({
        name: index.IndexName,
        hash_key: keyOf(index.KeySchema, "HASH"),
        ...(keyOf(index.KeySchema, "RANGE") ? { range_key: keyOf(index.KeySchema, "RANGE") } : {}),
        projection_type: index.Projection.ProjectionType,
      })),
    );
  });

  it("grants exactly the operations the code sends", () => {
    expect([...manifest.operations].sort()).toEqual(operationsInSource(SOURCE));
  });
});
