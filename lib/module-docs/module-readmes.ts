import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { formatMarkdown } from "../format-markdown";
import { replaceGeneratedBlock, type GeneratedBlock } from "../generated-block";
import { apiTables } from "./api-tables";
import { createModuleProgram, exportedConstructs, type ConstructApi } from "./module-api";

export const MODULES_DIR = "modules";
export const MODULE_ENTRY = "index.ts";
export const MODULE_README = "README.md";
export const MODULE_API_BLOCK: GeneratedBlock = { name: "module-api", command: "npm run docs" };

/** A module folder: modules/<name>/ with an index.ts. */
export function moduleNames(root: string): string[] {
  const dir = join(root, MODULES_DIR);
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(dir, entry.name, MODULE_ENTRY)))
    .map((entry) => entry.name)
    .sort();
}

export interface ModuleReadme {
  readonly module: string;
  /** Relative to the project root, e.g. modules/vpc/README.md. */
  readonly path: string;
  readonly current: string | undefined;
  readonly expected: string;
  /** What the docs cannot say because the source does not: inputs and outputs without JSDoc. */
  readonly gaps: readonly string[];
}

function gapsOf(module: string, apis: readonly ConstructApi[]): string[] {
  const entry = `${MODULES_DIR}/${module}/${MODULE_ENTRY}`;
  if (apis.length === 0) return [`${entry}: exports no construct with a props interface`];
  return apis.flatMap((api) => [
    ...api.inputs
      .filter((input) => !input.description)
      .map((input) => `${entry}: ${api.propsType}.${input.name} has no JSDoc`),
    ...api.outputs
      .filter((output) => !output.description)
      .map((output) => `${entry}: ${api.className}.${output.name} has no JSDoc`),
  ]);
}

/** Every module README as `npm run docs` writes it, next to what the file holds now. */
export function moduleReadmes(root: string): ModuleReadme[] {
  const modules = moduleNames(root);
  const entries = modules.map((m) => join(root, MODULES_DIR, m, MODULE_ENTRY));
  const program = createModuleProgram(entries);
  const drafts = modules.map((module, i) => {
    const path = `${MODULES_DIR}/${module}/${MODULE_README}`;
    const filePath = join(root, path);
    const current = existsSync(filePath) ? readFileSync(filePath, "utf8") : undefined;
    const apis = exportedConstructs(program, entries[i]);
    const base = current ?? `# ${MODULES_DIR}/${module}\n`;
    const text = replaceGeneratedBlock(base, MODULE_API_BLOCK, apiTables(apis));
    return { module, path, filePath, current, text, gaps: gapsOf(module, apis) };
  });
  const formatted = formatMarkdown(drafts);
  return drafts.map(({ module, path, current, gaps }, i) => ({
    module,
    path,
    current,
    expected: formatted[i],
    gaps,
  }));
}
