/** Regenerates schemas/*.schema.json from the TypeBox schemas in config/schema (npm run schemas). */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { SCHEMA_DIR } from "../config/load";
import { JSON_SCHEMA_FILES, renderJsonSchema } from "../config/schema/json-schema-files";

for (const { file, schema } of JSON_SCHEMA_FILES) {
  writeFileSync(join(SCHEMA_DIR, file), renderJsonSchema(schema));
  console.log(`wrote schemas/${file}`);
}
