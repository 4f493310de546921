import { expectRefused } from "../../../__tests__/services/support/run-service";
import { serviceUnderTest } from "../../../__tests__/services/support/service-under-test";

const { name: SERVICE, service } = serviceUnderTest(__dirname);

describe(`${SERVICE} configuration`, () => {
  it.each([
    ["DATABASE_PORT", "5432x", "expected a port number from 1 to 65535"],
    ["DATABASE_PORT", "0", "expected a port number from 1 to 65535"],
    ["DATABASE_SSL", "maybe", "expected one of true, false, disable, require, verify-full"],
  ])("exits 1 when %s is %s, saying what is expected", (name, value, expected) =>
    expectRefused(service, name, value, expected),
  );
});
