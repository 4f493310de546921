import { readFileSync } from "node:fs";
import { join } from "node:path";
import { SCHEMA_DIR } from "../../config/load";
import { JSON_SCHEMA_FILES, renderJsonSchema } from "../../config/schema/json-schema-files";

describe("the committed JSON Schemas", () => {
  it.each(JSON_SCHEMA_FILES.map((entry) => [entry.file, entry.schema] as const))(
    "schemas/%s is exactly what the TypeScript types are built from (run `npm run schemas` after changing config/schema)",
    (file, schema) => {
      expect(readFileSync(join(SCHEMA_DIR, file), "utf8")).toBe(renderJsonSchema(schema));
    },
  );

  it("is what every configuration file points its editor at", () => {
    for (const file of ["environments/dev.json", "environments/prod.json"]) {
      expect(JSON.parse(readFileSync(file, "utf8")).$schema).toBe(
        "../schemas/environment.schema.json",
      );
    }
    for (const file of ["services/users/service.json", "services/products/service.json"]) {
      expect(JSON.parse(readFileSync(file, "utf8")).$schema).toBe(
        "../../schemas/service.schema.json",
      );
    }
  });
});
