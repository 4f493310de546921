import { Client } from "pg";
import { isListening, waitUntil } from "../../scripts/local/ports";
import { call } from "./support/http";
import { startLocalStack, type LocalStack } from "./support/local-stack";

let stack: LocalStack;
let sequence = 0;

beforeAll(async () => {
  stack = await startLocalStack();
});
afterAll(() => stack?.stop());

const uniqueEmail = (tag: string) => `${tag}.${++sequence}.${Date.now()}@example.com`;

async function newOwner(): Promise<string> {
  const response = await call(stack.users.url, "POST", "/users", {
    name: "Owner",
    email: uniqueEmail("owner"),
  });
  expect(response.status).toBe(201);
  return response.body.id;
}

/** The HTTP status, or the network error code when no response came (e.g. ECONNREFUSED). */
function outcome(request: Promise<{ status: number }>): Promise<number | string> {
  return request.then(
    (response) => response.status,
    (error: { cause?: { code?: string } }) => error.cause?.code ?? String(error),
  );
}

/** Waits until nothing accepts connections on the service's port any more. */
async function waitUntilRefusing(url: string): Promise<void> {
  const port = Number(new URL(url).port);
  await waitUntil(
    async () => !(await isListening(port)),
    5_000,
    () => `${url} still accepts connections 5 s after SIGTERM`,
  );
}

/** A connection to the users database as the service's own role, which owns the users table. */
async function databaseSession(): Promise<Client> {
  const { host, port, database, user, password } = stack.postgres;
  const client = new Client({ host, port, database, user, password });
  await client.connect();
  return client;
}

/** Waits until `count` statements of the users service are blocked on a table lock. */
async function waitForBlockedQueries(session: Client, count: number): Promise<void> {
  await waitUntil(
    async () => {
      // Inside a transaction, statistics views are a snapshot taken at first use: refresh it.
      await session.query("SELECT pg_stat_clear_snapshot()");
      const { rows } = await session.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND application_name = 'users'",
      );
      return rows[0].n >= count;
    },
    10_000,
    () => `fewer than ${count} users queries waited on the lock`,
  );
}

describe("when PostgreSQL stops", () => {
  it("users answers /ready 503 and /health 200, writes 503, and recovers when it is back", async () => {
    const url = stack.users.url;
    await stack.postgres.stop();
    try {
      for (const path of ["/ready", "/users/ready"]) {
        expect((await call(url, "GET", path)).status).toBe(503);
      }
      for (const path of ["/health", "/users/health"]) {
        expect((await call(url, "GET", path)).status).toBe(200);
      }
      const write = await call(url, "POST", "/users", { name: "Ada", email: uniqueEmail("down") });
      expect(write.status).toBe(503);
      expect(write.body.message).toMatch(/database is unavailable/);
    } finally {
      await stack.postgres.start();
    }
    await waitUntil(
      async () => (await call(url, "GET", "/ready")).status === 200,
      10_000,
      () => "users did not become ready again after PostgreSQL restarted",
    );
    const write = await call(url, "POST", "/users", { name: "Ada", email: uniqueEmail("back") });
    expect(write.status).toBe(201);
  });
});

describe("when the database password is rotated", () => {
  it("users answers 503, then stops gracefully so ECS starts a task with the current secret", async () => {
    const users = stack.users;
    const role = stack.postgres.user;
    const session = await databaseSession();
    let exited = false;
    const exitCode = users.child.exited.then((code) => {
      exited = true;
      return code;
    });
    const statuses: (number | string)[] = [];
    try {
      await session.query(
        `ALTER ROLE ${session.escapeIdentifier(role)} PASSWORD 'rotated-elsewhere'`,
      );
      // Open connections stay authenticated: end them, so the pool must open new ones.
      await session.query(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'users'",
      );
      // A request may still meet a connection the pool has not yet seen closed (503 as well).
      await waitUntil(
        async () => {
          if (!exited) statuses.push(await outcome(call(users.url, "GET", "/users?limit=1")));
          return exited;
        },
        10_000,
        () => `users still running after refused passwords; answers: ${statuses.join(", ")}`,
      );
      expect(await exitCode).toBe(0);
      expect(statuses.length).toBeGreaterThan(0);
      for (const status of statuses) expect([503, "ECONNREFUSED"]).toContain(status);
      expect(users.logs().map((line) => line.msg)).toEqual(
        expect.arrayContaining([expect.stringMatching(/refused the password/), "stopped"]),
      );
    } finally {
      await session.query(
        `ALTER ROLE ${session.escapeIdentifier(role)} PASSWORD ${session.escapeLiteral(stack.postgres.password)}`,
      );
      await session.end();
      if (!exited) await users.child.stop();
    }
    await stack.restartUsers();
    expect((await call(stack.users.url, "GET", "/ready")).status).toBe(200);
  });
});

describe("when users stops", () => {
  it("products answers 503 for new products, still serves reads, and recovers once users is back", async () => {
    const url = stack.products.url;
    const ownerId = await newOwner();
    const existing = await call(url, "POST", "/products", { name: "Kept", price: 3, ownerId });
    expect(existing.status).toBe(201);

    expect(await stack.users.child.stop()).toBe(0);
    const refused = await call(url, "POST", "/products", { name: "Pen", price: 1, ownerId });
    expect(refused.status).toBe(503);
    expect(refused.body).toMatchObject({
      field: "ownerId",
      message: expect.stringMatching(/users service is unavailable/),
    });
    expect((await call(url, "GET", `/products/${existing.body.id}`)).status).toBe(200);
    expect((await call(url, "GET", "/ready")).status).toBe(200);

    await stack.restartUsers();
    const accepted = await call(url, "POST", "/products", { name: "Pen", price: 1, ownerId });
    expect(accepted.status).toBe(201);
  });

  it("products gives up on a users service that does not answer: 503 after its timed-out retries", async () => {
    const ownerId = await newOwner();
    const session = await databaseSession();
    try {
      // Every read of the users table now waits: users accepts the lookups but never answers in time.
      await session.query("BEGIN");
      await session.query("LOCK TABLE users IN ACCESS EXCLUSIVE MODE");
      const started = Date.now();
      const response = await call(stack.products.url, "POST", "/products", {
        name: "Pen",
        price: 1,
        ownerId,
      });
      expect(response.status).toBe(503);
      expect(Date.now() - started).toBeLessThan(10_000);
    } finally {
      await session.query("ROLLBACK");
      await session.end();
    }
    // the lookups complete once the lock is gone: three attempts reached users
    await waitUntil(
      async () =>
        stack.users.logs().filter((line) => line.path === `/users/${ownerId}`).length >= 3,
      5_000,
      () => "users did not log three lookups of the owner",
    );
    expect(stack.users.logs().filter((line) => line.path === `/users/${ownerId}`)).toHaveLength(3);
  });
});

describe("SIGTERM during a burst of requests", () => {
  it("products finishes every request it accepted, refuses new connections and exits 0", async () => {
    const products = stack.products;
    const ownerId = await newOwner();
    const session = await databaseSession();
    let released = false;
    try {
      // Owner lookups wait on the lock, so the burst is in flight inside products at SIGTERM.
      await session.query("BEGIN");
      await session.query("LOCK TABLE users IN ACCESS EXCLUSIVE MODE");
      const burst = Array.from({ length: 8 }, (_, i) =>
        outcome(call(products.url, "POST", "/products", { name: `Burst ${i}`, price: i, ownerId })),
      );
      await waitForBlockedQueries(session, 8);
      const signalledAt = Date.now();
      products.child.process.kill("SIGTERM");
      await waitUntilRefusing(products.url);
      const late = await outcome(call(products.url, "GET", "/health"));
      await session.query("COMMIT");
      released = true;

      expect(await Promise.all(burst)).toEqual(burst.map(() => 201));
      expect(late).toBe("ECONNREFUSED");
      expect(await products.child.exited).toBe(0);
      expect(Date.now() - signalledAt).toBeLessThan(10_000);
      const messages = products.logs().map((line) => line.msg);
      expect(messages).toEqual(expect.arrayContaining(["stopped"]));
    } finally {
      if (!released) await session.query("ROLLBACK");
      await session.end();
    }
  });

  it("users finishes every request it accepted, refuses new connections and exits 0", async () => {
    const users = stack.users;
    const session = await databaseSession();
    const emails = Array.from({ length: 20 }, (_, i) => uniqueEmail(`burst${i}`));
    let released = false;
    try {
      // Inserts wait on the lock: 10 hold the pool's connections, 10 wait for one.
      await session.query("BEGIN");
      await session.query("LOCK TABLE users IN SHARE MODE");
      const burst = emails.map((email) =>
        outcome(call(users.url, "POST", "/users", { name: "Burst", email })),
      );
      await waitForBlockedQueries(session, 10);
      const signalledAt = Date.now();
      users.child.process.kill("SIGTERM");
      await waitUntilRefusing(users.url);
      const late = await outcome(
        call(users.url, "POST", "/users", { name: "Late", email: uniqueEmail("late") }),
      );
      await session.query("COMMIT");
      released = true;

      expect(await Promise.all(burst)).toEqual(emails.map(() => 201));
      expect(late).toBe("ECONNREFUSED");
      expect(await users.child.exited).toBe(0);
      expect(Date.now() - signalledAt).toBeLessThan(10_000);
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
