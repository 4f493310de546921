import { code, markdownTable } from "../markdown-table";
import type { ConstructApi, ModuleInput } from "./module-api";

/** Defaults that are values (numbers, strings, booleans, lists) print as code; prose stays prose. */
const LITERAL_DEFAULT = /^(-?\d[\d_.]*|"[^"]*"|'[^']*'|true|false|null|undefined|\[.*\]|\{.*\})$/;

function defaultCell(input: ModuleInput): string {
  if (input.required) return "n/a";
  if (input.default === undefined) return "none";
  return LITERAL_DEFAULT.test(input.default) ? code(input.default) : input.default;
}

function inputsTable(api: ConstructApi): string {
  if (api.inputs.length === 0) return "No inputs.";
  return markdownTable(
    ["Name", "Description", "Type", "Default", "Required"],
    api.inputs.map((input) => [
      code(input.name),
      input.description,
      code(input.type),
      defaultCell(input),
      input.required ? "yes" : "no",
    ]),
  );
}

function outputsTable(api: ConstructApi): string {
  if (api.outputs.length === 0) return "No outputs.";
  return markdownTable(
    ["Name", "Description", "Type"],
    api.outputs.map((output) => [code(output.name), output.description, code(output.type)]),
  );
}

/**
 * The inputs and outputs of a module's constructs, terraform-docs style: one pair of tables when
 * the module exports one construct, a titled pair per construct when it exports several.
 */
export function apiTables(apis: readonly ConstructApi[]): string {
  if (apis.length === 1) {
    const [api] = apis;
    return [`## Inputs`, inputsTable(api), `## Outputs`, outputsTable(api)].join("\n\n");
  }
  return apis
    .flatMap((api) => [
      `## ${code(api.className)} inputs (${code(api.propsType)})`,
      inputsTable(api),
      `## ${code(api.className)} outputs`,
      outputsTable(api),
    ])
    .join("\n\n");
}
