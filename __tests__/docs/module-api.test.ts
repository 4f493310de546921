import { join } from "node:path";
import { apiTables } from "../../lib/module-docs/api-tables";
import { createModuleProgram, exportedConstructs } from "../../lib/module-docs/module-api";

const ENTRY = join(__dirname, "..", "fixtures", "module-docs", "sample", "index.ts");
const [sample, ...others] = exportedConstructs(createModuleProgram([ENTRY]), ENTRY);

describe("module API extraction (TypeScript compiler API)", () => {
  it("finds the exported constructs only, with their props interface", () => {
    expect(others).toEqual([]);
    expect(sample.className).toBe("SampleModule");
    expect(sample.propsType).toBe("SampleModuleProps");
    expect(sample.description).toBe("A sample construct with inputs and outputs of every kind.");
  });

  it("lists every input, inherited ones included, with JSDoc, type, default and whether required", () => {
    expect(sample.inputs).toEqual([
      { name: "zones", description: "Zones to use.", type: "readonly string[]", required: true },
      {
        name: "placement",
        description: "How to place things.",
        type: '"spread" | "packed"',
        default: '"spread"',
        required: false,
      },
      {
        name: "retentionDays",
        description: "Days to keep logs.",
        type: "number",
        default: "30",
        required: false,
      },
      {
        name: "tags",
        description: "A tag map, with a pipe | in its description.",
        type: "Record<string, string>",
        required: false,
      },
      { name: "name", description: "Prefix of every name.", type: "string", required: true },
    ]);
  });

  it("lists the public read-only properties and getters as outputs, nothing private, protected or mutable", () => {
    expect(sample.outputs).toEqual([
      { name: "sampleId", description: "The sample's id.", type: "string" },
      {
        name: "zoneNames",
        description: "Names per zone.",
        type: "Readonly<Record<string, string>>",
      },
      { name: "undocumented", description: "", type: "number" },
      { name: "packed", description: "Whether things are packed.", type: "boolean" },
    ]);
  });
});

describe("inputs and outputs tables", () => {
  const tables = apiTables([sample]);

  it("has terraform-docs' columns", () => {
    expect(tables).toContain("| Name | Description | Type | Default | Required |");
    expect(tables).toContain("| Name | Description | Type |");
  });

  it("prints values as code, prose as prose, n/a for required inputs and escapes pipes", () => {
    expect(tables).toContain(
      '| `placement` | How to place things. | `"spread" \\| "packed"` | `"spread"` | no |',
    );
    expect(tables).toContain("| `zones` | Zones to use. | `readonly string[]` | n/a | yes |");
    expect(tables).toContain(
      "| `tags` | A tag map, with a pipe \\| in its description. | `Record<string, string>` | none | no |",
    );
  });

  it("titles each construct's tables when a module exports several", () => {
    const several = apiTables([sample, { ...sample, className: "Other", propsType: "OtherProps" }]);
    expect(several).toContain("## `Other` inputs (`OtherProps`)");
    expect(several).toContain("## `SampleModule` outputs");
    expect(several).not.toMatch(/^## Inputs$/m);
  });
});
