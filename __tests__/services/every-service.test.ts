// Whatever services the project has: each one that has a manifest builds (npm test builds them
// first), starts with the data stores it declares, answers its health routes at the root and
// under its path prefix, logs JSON, never prints its database password, and stops cleanly.
import type { LocalStack } from "../../scripts/local/local-stack";
import { waitUntil } from "../../scripts/local/ports";
import { call } from "./support/http";
import { projectServices, startServices } from "./support/local-stack";

const services = projectServices();
let stack: LocalStack;

beforeAll(async () => {
  stack = await startServices();
}, 180_000);
afterAll(() => stack?.stop());

const stopped = (name: string) => {
  const { process } = stack.service(name).child;
  return process.exitCode !== null || process.signalCode !== null;
};

it("has services to run", () => {
  expect(services.length).toBeGreaterThan(0);
});

describe.each(services.map((service) => [service.name, service] as const))(
  "the %s service",
  (name, service) => {
    const prefix = service.routing.pathPrefix ?? "";

    /** Each test starts from the service running (a SIGTERM test may have stopped it). */
    beforeEach(async () => {
      if (stopped(name)) await stack.restart(name);
    });

    it.each(["/health", `${prefix}/health`])("answers %s with 200 {status: ok}", async (path) => {
      const response = await call(stack.service(name).url, "GET", path);
      expect(response.status).toBe(200);
      expect(response.body).toEqual({ status: "ok" });
    });

    it.each(["/ready", `${prefix}/ready`])(
      "answers %s with 200 once its data stores answer",
      async (path) => {
        const url = stack.service(name).url;
        await waitUntil(
          async () => (await call(url, "GET", path)).status === 200,
          30_000,
          () => `${name} never answered ${path} with 200`,
        );
        expect((await call(url, "GET", path)).body).toEqual({ status: "ready" });
      },
    );

    it("answers an unknown path with a JSON 404 naming it", async () => {
      const response = await call(stack.service(name).url, "GET", "/no/such/route");
      expect(response.status).toBe(404);
      expect(response.body).toMatchObject({
        statusCode: 404,
        message: expect.stringContaining("/no/such/route"),
      });
    });

    it("writes one JSON line per request, with method, path, status and latency", async () => {
      const { url } = stack.service(name);
      const path = `${prefix}/no-such-record-${Date.now()}`;
      await call(url, "GET", `${path}?limit=1`);
      const logged = () =>
        stack
          .service(name)
          .logs()
          .filter((line) => line.path === path);
      // The line is written when the response is finished, which may be after the client has it.
      await waitUntil(
        async () => logged().length > 0,
        30_000,
        () => `${name} logged no line for ${path}`,
      );
      expect(logged()).toEqual([
        expect.objectContaining({
          level: "info",
          service: name,
          method: "GET",
          path,
          status: 404,
          latencyMs: expect.any(Number),
        }),
      ]);
    });

    it("logs JSON lines only, each naming the service, one saying where it listens", () => {
      const { child, port } = stack.service(name);
      const lines = child.stdoutLines.map((line) => JSON.parse(line) as Record<string, unknown>);
      expect(lines.length).toBeGreaterThan(0);
      for (const line of lines) expect(line.service).toBe(name);
      expect(lines).toContainEqual(expect.objectContaining({ msg: "listening", port }));
    });

    if (service.datastores.postgres) {
      it("never prints its database password", () => {
        const { child } = stack.service(name);
        const { password } = stack.databaseOf(name);
        expect([...child.stdoutLines, ...child.stderrLines].join("\n")).not.toContain(password);
      });
    }

    it("stops on SIGTERM: refuses new connections, exits 0, logs stopped", async () => {
      const { child } = stack.service(name);
      expect(await child.stop("SIGTERM", 30_000)).toBe(0);
      expect(
        stack
          .service(name)
          .logs()
          .map((line) => line.msg),
      ).toContain("stopped");
    });
  },
);
