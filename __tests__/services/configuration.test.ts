// Every service reads its configuration from the environment ECS gives it, reports every problem
// at once on stderr and exits 1, whatever services the project has.
import type { ServiceConfig } from "../../config/model";
import { calleeUrlVariable } from "../../lib/service-variables";
import { completeEnvironment, DATABASE_PASSWORD } from "./support/complete-environment";
import { projectServices } from "./support/local-stack";
import { expectRefused, runService } from "./support/run-service";

const services = projectServices();

/** What ECS sets and the service cannot do without: its port, its callees, its data stores. */
function requiredVariables(service: ServiceConfig): string[] {
  const env = completeEnvironment(service);
  return [
    "PORT",
    ...service.calls.map(calleeUrlVariable),
    ...(service.datastores.postgres
      ? Object.keys(env).filter((n) => n.startsWith("DATABASE_"))
      : []),
    ...(service.datastores.dynamodb ? ["TABLE_NAME", "AWS_REGION"] : []),
  ];
}

it("has services to check", () => {
  expect(services.length).toBeGreaterThan(0);
});

describe.each(services.map((service) => [service.name, service] as const))(
  "the %s service's configuration",
  (name, service) => {
    it("exits 1 naming every variable it needs when none is set, and starts nothing", async () => {
      const run = await runService(service.directory, {});
      expect(run.code).toBe(1);
      for (const variable of requiredVariables(service)) {
        expect(run.stderr).toContain(`${name}: ${variable} is missing`);
      }
      expect(run.stderr).toMatch(new RegExp(`^${name}: not started`, "m"));
      expect(run.stdout).toBe("");
    });

    it.each(requiredVariables(service))(
      "exits 1 naming %s, and only it, when only it is missing",
      async (variable) => {
        const env = completeEnvironment(service);
        delete env[variable];
        const run = await runService(service.directory, env);
        expect(run.code).toBe(1);
        expect(run.stderr.split("\n").filter((line) => line.includes(" is "))).toEqual([
          expect.stringMatching(new RegExp(`^${name}: ${variable} is missing: set it to `)),
        ]);
      },
    );

    it.each([
      ["PORT", "eighty", "expected a port number from 0 to 65535"],
      ["PORT", "70000", "expected a port number from 0 to 65535"],
      ["LOG_LEVEL", "loud", "expected one of fatal"],
      ["PATH_PREFIX", "orders/", "expected a path such as /orders"],
    ])("exits 1 when %s is %s, saying what is expected", (variable, value, expected) =>
      expectRefused(service, variable, value, expected),
    );

    if (service.datastores.postgres) {
      it("never prints the database password when its configuration is refused", async () => {
        const run = await runService(service.directory, {
          ...completeEnvironment(service),
          DATABASE_PORT: "x",
          LOG_LEVEL: "nonsense",
        });
        expect(run.code).toBe(1);
        expect(run.stderr).toContain("DATABASE_PORT");
        expect(`${run.stdout}\n${run.stderr}`).not.toContain(DATABASE_PASSWORD);
      });
    }
  },
);
