import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ENVIRONMENT_SCHEMA_FILE, SERVICE_SCHEMA_FILE } from "../../config/load";
import { withoutRejectedValues } from "../../config/schema-repair";
import { SchemaValidator } from "../../config/schema-validation";
import { REPO_ROOT } from "../support/temp-project";

const validator = new SchemaValidator();
const errorsOf = (data: unknown) => validator.errors(ENVIRONMENT_SCHEMA_FILE, data);
const prod = () => JSON.parse(readFileSync(join(REPO_ROOT, "environments/prod.json"), "utf8"));
const repair = (env: Record<string, any>) => withoutRejectedValues(env, errorsOf(env), errorsOf);

describe("withoutRejectedValues", () => {
  it("takes out a rejected optional value and an unknown key, keeping the rest for the semantic checks", () => {
    const env = prod();
    env.routing.sharedListenerPort = 70000;
    env.logRetentionDay = 30;
    const result = repair(env)!;
    expect(result.removed).toEqual([["logRetentionDay"], ["routing", "sharedListenerPort"]]);
    const expected = prod();
    delete expected.routing.sharedListenerPort;
    expect(result.data).toEqual(expected);
    expect(env.logRetentionDay).toBe(30); // the input is left as it was
  });

  it("takes out a whole array for one rejected item, so no later index shifts", () => {
    const env = prod();
    env.vpc.publicSubnets[1] = "10.0.16.0/33";
    const result = repair(env)!;
    expect(result.removed).toEqual([["vpc", "publicSubnets"]]);
    expect((result.data as any).vpc.publicSubnets).toBeUndefined();
    expect((result.data as any).vpc.privateSubnets).toEqual(prod().vpc.privateSubnets);
  });

  it("takes out an optional object that loses a required key", () => {
    const manifest = JSON.parse(
      readFileSync(join(REPO_ROOT, "services/users/service.json"), "utf8"),
    );
    manifest.scaling = { minCount: -1, maxCount: 4 };
    const serviceErrors = (data: unknown) => validator.errors(SERVICE_SCHEMA_FILE, data);
    const result = withoutRejectedValues(manifest, serviceErrors(manifest), serviceErrors)!;
    expect(result.removed).toEqual([["scaling", "minCount"], ["scaling"]]);
    expect((result.data as any).scaling).toBeUndefined();
    expect((result.data as any).port).toBe(manifest.port);
  });

  it("gives up when a required key of the document itself is lost", () => {
    const env = prod();
    env.vpc.natStrategy = "two-per-az";
    expect(repair(env)).toBeUndefined();
  });
});
