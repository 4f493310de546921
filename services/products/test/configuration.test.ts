import { expectRefused, runService } from "../../../__tests__/services/support/run-service";
import { serviceUnderTest } from "../../../__tests__/services/support/service-under-test";

const { name: SERVICE, service } = serviceUnderTest(__dirname);

describe(`${SERVICE} configuration`, () => {
  it("does not ask for DYNAMODB_ENDPOINT, which only local runs set", async () => {
    const run = await runService(service.directory, {});
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("TABLE_NAME is missing");
    expect(run.stderr).not.toContain("DYNAMODB_ENDPOINT");
  });

  it.each([
    ["USERS_URL", "users:8000", "expected an http:// or https:// URL"],
    ["USERS_URL", "ftp://users:8000", "expected an http:// or https:// URL"],
    ["USERS_URL", "http://users:8000/users?x=1", "expected an http:// or https:// URL"],
    ["DYNAMODB_ENDPOINT", "localhost", "expected an http:// or https:// URL"],
    ["AWS_REGION", "Europe", "expected a region name"],
    ["TABLE_NAME", "a b", "expected 3 to 255 letters"],
  ])("exits 1 when %s is %s, saying what is expected", (name, value, expected) =>
    expectRefused(service, name, value, expected),
  );
});
