import Ajv from "ajv";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ENVIRONMENT_SCHEMA_FILE, SERVICE_SCHEMA_FILE } from "../../config/load";
import { withoutRejectedValues } from "../../config/schema-repair";
import { SchemaValidator } from "../../config/schema-validation";

const FIXTURE = join(__dirname, "..", "fixtures", "written-minimum");
const fixture = (file: string) => JSON.parse(readFileSync(join(FIXTURE, file), "utf8"));
const environment = () => fixture("environments/trial.json");
const manifest = () => fixture("services/catalog/service.json");

const validator = new SchemaValidator();
const repairOf = (schemaFile: string) => (document: Record<string, any>) => {
  const errorsOf = (data: unknown) => validator.errors(schemaFile, data);
  return withoutRejectedValues(document, errorsOf(document), errorsOf);
};
const repairEnvironment = repairOf(ENVIRONMENT_SCHEMA_FILE);
const repairManifest = repairOf(SERVICE_SCHEMA_FILE);

/** A repair under a small schema of its own, for what the project's schemas never call for. */
function repairUnder(schema: object, document: unknown) {
  const validate = new Ajv({ allErrors: true, verbose: true }).compile(schema);
  const errorsOf = (data: unknown) => (validate(data) ? [] : [...validate.errors!]);
  return withoutRejectedValues(document, errorsOf(document), errorsOf);
}

describe("withoutRejectedValues", () => {
  it("takes out a rejected optional value, leaving the rest as written and the input as it was", () => {
    const env = { ...environment(), routing: { style: "path", sharedListenerPort: 70000 } };
    const repair = repairEnvironment(env)!;
    expect(repair.rejected).toEqual([["routing", "sharedListenerPort"]]);
    expect(repair.data).toEqual({ ...environment(), routing: { style: "path" } });
    expect(env.routing.sharedListenerPort).toBe(70000);
  });

  it("takes out an unknown key, and counts the missing key it is a typo of as rejected", () => {
    const repair = repairEnvironment({ ...environment(), logRetentionDay: 30, colour: "blue" })!;
    expect(repair.rejected).toEqual([["logRetentionDays"]]);
    expect(repair.data).toEqual(environment());
  });

  it("does not count a key the file has as rejected because a typo of it is there too", () => {
    const repair = repairManifest({ ...manifest(), desiredcount: 1 })!;
    expect(repair.rejected).toEqual([]);
    expect(repair.data).toEqual(manifest());
  });

  it("takes out a whole array for one rejected item, so no later index shifts", () => {
    const env = environment();
    env.vpc.publicSubnets = ["10.20.0.0/20", "10.20.16.0/33"];
    env.vpc.privateSubnets = ["10.20.128.0/20", "10.20.144.0/20"];
    const repair = repairEnvironment(env)!;
    expect(repair.rejected).toEqual([["vpc", "publicSubnets"]]);
    expect((repair.data as any).vpc).toEqual({ ...env.vpc, publicSubnets: undefined });
  });

  it("stands in for a rejected required value with the schema's first allowed value or example", () => {
    const env = { ...environment(), azs: ["eu-west-1a"] };
    env.vpc.natStrategy = "two-per-az";
    const repair = repairEnvironment(env)!;
    expect(repair.rejected).toEqual([["azs"], ["vpc", "natStrategy"]]);
    expect((repair.data as any).azs).toEqual(["us-east-1a", "us-east-1b"]);
    expect((repair.data as any).vpc.natStrategy).toBe("one-per-az");
    expect(repairManifest({ ...manifest(), cpu: "256" })!.data).toEqual(manifest());
  });

  it("stands in for a required key that is missing inside an optional object, keeping the object", () => {
    const repair = repairManifest({ ...manifest(), scaling: { minCount: -1, maxCount: 4 } })!;
    expect(repair.rejected).toEqual([["scaling", "minCount"]]);
    expect((repair.data as any).scaling).toEqual({ minCount: 0, maxCount: 4 });
  });

  it("takes the parent object when the schema offers no stand-in, or the stand-in fails too", () => {
    const schema = {
      type: "object",
      properties: {
        keep: { type: "integer" },
        box: {
          type: "object",
          properties: {
            bare: { type: "string", pattern: "^[a-z]+$" },
            wrong: { type: "string", pattern: "^[a-z]+$", examples: ["NOT-IT"] },
          },
        },
      },
      required: ["keep"],
    };
    for (const key of ["bare", "wrong"]) {
      const box = { type: "object", properties: schema.properties.box.properties, required: [key] };
      const repair = repairUnder(
        { ...schema, properties: { ...schema.properties, box } },
        { keep: 1, box: { [key]: "UPPER" } },
      )!;
      expect(repair.rejected).toEqual([["box", key], ["box"]]);
      expect(repair.data).toEqual({ keep: 1 });
    }
  });

  it("gives up when the document itself would have to go", () => {
    expect(repairEnvironment(["not", "an", "object"] as any)).toBeUndefined();
    const required = { type: "object", properties: { id: { type: "string", pattern: "^x$" } } };
    expect(repairUnder({ ...required, required: ["id"] }, { id: "y" })).toBeUndefined();
  });
});
