import { Client } from "pg";
import type { LocalStack } from "../../../scripts/local/local-stack";
import { isListening, waitUntil } from "../../../scripts/local/ports";
import { call } from "../../../__tests__/services/support/http";
import { apiUrl, startServices } from "../../../__tests__/services/support/local-stack";
import { serviceUnderTest } from "../../../__tests__/services/support/service-under-test";

const { name: SERVICE } = serviceUnderTest(__dirname);
let stack: LocalStack;
let sequence = 0;
let postgresStopped = false;

beforeAll(async () => {
  stack = await startServices([SERVICE]);
});
afterAll(() => stack?.stop());

/** Each test starts from PostgreSQL running and the service running and ready. */
beforeEach(async () => {
  if (postgresStopped) {
    await stack.postgres!.start();
    postgresStopped = false;
  }
  const service = stack.service(SERVICE);
  if (service.child.process.exitCode !== null || service.child.process.signalCode !== null) {
    await stack.restart(SERVICE);
  }
  await waitUntil(
    async () => (await call(stack.service(SERVICE).url, "GET", "/ready")).status === 200,
    30_000,
    () => `${SERVICE} is not ready`,
  );
});

const uniqueEmail = (tag: string) => `${tag}.${++sequence}.${Date.now()}@example.com`;

/** The HTTP status, or the network error code when no response came (e.g. ECONNREFUSED). */
function outcome(request: Promise<{ status: number }>): Promise<number | string> {
  return request.then(
    (response) => response.status,
    (error: { cause?: { code?: string } }) => error.cause?.code ?? String(error),
  );
}

/** A connection to the service's database as its own role, which owns its tables. */
async function databaseSession(): Promise<Client> {
  const client = new Client(stack.databaseOf(SERVICE));
  await client.connect();
  return client;
}

/** Everything the service wrote, stdout and stderr. */
function allOutput(): string {
  const { child } = stack.service(SERVICE);
  return [...child.stdoutLines, ...child.stderrLines].join("\n");
}

describe("when PostgreSQL stops", () => {
  it("answers /ready 503 and /health 200, writes 503, and recovers when it is back", async () => {
    const url = stack.service(SERVICE).url;
    const { PATH_PREFIX = "" } = stack.environmentOf(SERVICE);
    await stack.postgres!.stop();
    postgresStopped = true;
    for (const path of ["/ready", `${PATH_PREFIX}/ready`]) {
      expect((await call(url, "GET", path)).status).toBe(503);
    }
    for (const path of ["/health", `${PATH_PREFIX}/health`]) {
      expect((await call(url, "GET", path)).status).toBe(200);
    }
    const write = await call(apiUrl(stack, SERVICE), "POST", "", {
      name: "Ada",
      email: uniqueEmail("down"),
    });
    expect(write.status).toBe(503);
    expect(write.body.message).toMatch(/database is unavailable/);

    await stack.postgres!.start();
    postgresStopped = false;
    await waitUntil(
      async () => (await call(url, "GET", "/ready")).status === 200,
      30_000,
      () => `${SERVICE} did not become ready again after PostgreSQL restarted`,
    );
    const back = await call(apiUrl(stack, SERVICE), "POST", "", {
      name: "Ada",
      email: uniqueEmail("back"),
    });
    expect(back.status).toBe(201);
  });
});

describe("when the database password is rotated", () => {
  it("answers 503, then stops gracefully (exit 0) so ECS starts a task with the current secret, never printing a password", async () => {
    const service = stack.service(SERVICE);
    const { user, password } = stack.databaseOf(SERVICE);
    const rotated = `rotated-${Date.now()}-elsewhere`;
    const session = await databaseSession();
    let exited = false;
    const exitCode = service.child.exited.then((code) => {
      exited = true;
      return code;
    });
    const statuses: (number | string)[] = [];
    try {
      await session.query(
        `ALTER ROLE ${session.escapeIdentifier(user)} PASSWORD ${session.escapeLiteral(rotated)}`,
      );
      // Open connections stay authenticated: end them, so the pool must open new ones.
      await session.query(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = $1 AND pid <> pg_backend_pid()",
        [user],
      );
      // A request may still meet a connection the pool has not yet seen closed (503 as well).
      await waitUntil(
        async () => {
          if (!exited) {
            statuses.push(await outcome(call(apiUrl(stack, SERVICE), "GET", "?limit=1")));
          }
          return exited;
        },
        30_000,
        () => `${SERVICE} still running after refused passwords; answers: ${statuses.join(", ")}`,
      );
      expect(await exitCode).toBe(0);
      expect(statuses.length).toBeGreaterThan(0);
      for (const status of statuses) expect([503, "ECONNREFUSED"]).toContain(status);
      expect(service.logs().map((line) => line.msg)).toEqual(
        expect.arrayContaining([expect.stringMatching(/refused the password/), "stopped"]),
      );
      expect(allOutput()).not.toContain(password);
      expect(allOutput()).not.toContain(rotated);
    } finally {
      await session.query(
        `ALTER ROLE ${session.escapeIdentifier(user)} PASSWORD ${session.escapeLiteral(password)}`,
      );
      await session.end();
    }
  });
});

describe("SIGTERM during a burst of requests", () => {
  it("finishes every request it accepted, refuses new connections and exits 0", async () => {
    const service = stack.service(SERVICE);
    const api = apiUrl(stack, SERVICE);
    const session = await databaseSession();
    const emails = Array.from({ length: 20 }, (_, i) => uniqueEmail(`burst${i}`));
    let released = false;
    try {
      // Inserts wait on the lock: 10 hold the pool's connections, 10 wait for one.
      await session.query("BEGIN");
      await session.query("LOCK TABLE users IN SHARE MODE");
      const burst = emails.map((email) => outcome(call(api, "POST", "", { name: "Burst", email })));
      await waitUntil(
        async () => {
          // Inside a transaction, statistics views are a snapshot taken at first use: refresh it.
          await session.query("SELECT pg_stat_clear_snapshot()");
          const { rows } = await session.query<{ n: number }>(
            "SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND usename = $1",
            [stack.databaseOf(SERVICE).user],
          );
          return rows[0].n >= 10;
        },
        30_000,
        () => "fewer than 10 inserts waited on the lock",
      );
      service.child.process.kill("SIGTERM");
      await waitUntil(
        async () => !(await isListening(service.port)),
        30_000,
        () => `${service.url} still accepts connections after SIGTERM`,
      );
      const late = await outcome(
        call(api, "POST", "", { name: "Late", email: uniqueEmail("late") }),
      );
      await session.query("COMMIT");
      released = true;

      expect(await Promise.all(burst)).toEqual(emails.map(() => 201));
      expect(late).toBe("ECONNREFUSED");
      // Exit 0, not the exit 1 of the drain deadline: everything finished in time.
      expect(await service.child.exited).toBe(0);
      const { rows } = await session.query<{ email: string }>(
        "SELECT email FROM users WHERE email = ANY($1)",
        [emails],
      );
      expect(rows.map((row) => row.email).sort()).toEqual([...emails].sort());
    } finally {
      if (!released) await session.query("ROLLBACK");
      await session.end();
    }
  });
});
