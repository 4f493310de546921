// Each service with a DynamoDB data store and the stack agree on its table, whatever services the
// project has: the stack creates the table its manifest declares, and the operations IAM grants
// (the manifest's) are exactly the ones its source sends.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { DynamodbKey } from "../../config/model";
import { serviceImageTags } from "../../stacks/synthesis";
import { PROJECT, synthEnvironmentStack } from "../support/stacks";
import { ROOT } from "./support/local-stack";

/** The AWS SDK commands (client or lib-dynamodb) the source sends, as DynamoDB operation names. */
function operationsInSource(dir: string): string[] {
  const operations = new Set<string>();
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.name.endsWith(".ts")) continue;
    const text = readFileSync(join(entry.parentPath, entry.name), "utf8");
    const commands = text.matchAll(
      /new (Get|Put|Update|Delete|BatchGet|BatchWrite|Query|Scan)(?:Item)?Command\(/g,
    );
    for (const [, command] of commands) {
      operations.add(["Query", "Scan"].includes(command) ? command : `${command}Item`);
    }
  }
  return [...operations].sort();
}

const tableServices = PROJECT.services.filter((service) => service.datastores.dynamodb);
const source = { imageTags: serviceImageTags(ROOT, PROJECT.services), projectDir: "../../.." };
const keyName = (key?: DynamodbKey) => key?.name;

if (tableServices.length === 0) {
  it("has nothing to check: no service declares a DynamoDB table", () => {
    expect(PROJECT.services.filter((service) => service.datastores.dynamodb)).toEqual([]);
  });
}

describe.each(tableServices.map((service) => [service.name, service] as const))(
  "the %s table contract",
  (name, service) => {
    const use = service.datastores.dynamodb!;

    it.each(PROJECT.environments.map((env) => [env.name, env] as const))(
      "%s creates the table with the keys and indexes the manifest declares",
      (_env, env) => {
        const table = synthEnvironmentStack(env, source).resourceAt(
          "aws_dynamodb_table",
          `dynamodb-${name}`,
        );
        expect(table.hash_key).toBe(use.partitionKey.name);
        expect(table.range_key).toBe(keyName(use.sortKey));
        expect(table.global_secondary_index ?? []).toEqual(
          use.indexes.map((index) => ({
            name: index.name,
            hash_key: index.partitionKey.name,
            ...(index.sortKey ? { range_key: index.sortKey.name } : {}),
            projection_type: index.projection,
          })),
        );
      },
    );

    it("is granted exactly the operations its source sends", () => {
      const operations = operationsInSource(join(ROOT, service.directory, "src"));
      expect(operations.length).toBeGreaterThan(0);
      expect([...use.operations].sort()).toEqual(operations);
    });
  },
);
