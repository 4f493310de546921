import { basename, resolve } from "node:path";
import { completeEnvironment } from "../../../__tests__/services/support/complete-environment";
import { projectServices } from "../../../__tests__/services/support/local-stack";
import { runService } from "../../../__tests__/services/support/run-service";

const SERVICE = basename(resolve(__dirname, ".."));
const service = projectServices().find((s) => s.name === SERVICE)!;

describe(`${SERVICE} configuration`, () => {
  it.each([
    ["DATABASE_PORT", "5432x", "expected a port number from 1 to 65535"],
    ["DATABASE_PORT", "0", "expected a port number from 1 to 65535"],
    ["DATABASE_SSL", "maybe", "expected one of true, false, disable, require, verify-full"],
  ])("exits 1 when %s is %s, saying what is expected", async (name, value, expected) => {
    const run = await runService(service.directory, {
      ...completeEnvironment(service),
      [name]: value,
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${SERVICE}: ${name} is "${value}": ${expected}`);
  });
});
