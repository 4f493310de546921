import { EnvironmentSchema } from "./environment";
import { ServiceSchema } from "./service";

/** The committed JSON Schema files and the TypeBox schemas they are generated from. */
export const JSON_SCHEMA_FILES = [
  { file: "environment.schema.json", schema: EnvironmentSchema },
  { file: "service.schema.json", schema: ServiceSchema },
] as const;

/** The exact text committed for a schema: draft-07, as editors expect, two-space indented. */
export function renderJsonSchema(schema: object): string {
  return `${JSON.stringify({ $schema: "http://json-schema.org/draft-07/schema#", ...schema }, null, 2)}\n`;
}
