import { Client } from "pg";
import type { LocalStack } from "../../../scripts/local/local-stack";
import { isListening, waitUntil } from "../../../scripts/local/ports";
import { call } from "../../../__tests__/services/support/http";
import { apiUrl, startServices } from "../../../__tests__/services/support/local-stack";
import { serviceUnderTest } from "../../../__tests__/services/support/service-under-test";

const { name: SERVICE } = serviceUnderTest(__dirname);
/** The service that owns the owners: the one this service calls. */
const OWNERS = "users";
let stack: LocalStack;
let sequence = 0;

beforeAll(async () => {
  stack = await startServices([SERVICE]);
});
afterAll(() => stack?.stop());

/** Each test starts from both services running and ready. */
beforeEach(async () => {
  for (const name of [OWNERS, SERVICE]) {
    const { child } = stack.service(name);
    if (child.process.exitCode !== null || child.process.signalCode !== null) {
      await stack.restart(name);
    }
    await waitUntil(
      async () => (await call(stack.service(name).url, "GET", "/ready")).status === 200,
      30_000,
      () => `${name} is not ready`,
    );
  }
});

async function newOwner(): Promise<string> {
  const response = await call(apiUrl(stack, OWNERS), "POST", "", {
    name: "Owner",
    email: `owner.${++sequence}.${Date.now()}@example.com`,
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

/** A session on the owners' database that holds their table locked, so owner lookups hang. */
async function lockOwners(): Promise<Client> {
  const session = new Client(stack.databaseOf(OWNERS));
  await session.connect();
  await session.query("BEGIN");
  await session.query("LOCK TABLE users IN ACCESS EXCLUSIVE MODE");
  return session;
}

/** Waits until `count` owner lookups are blocked on the lock. */
async function waitForBlockedLookups(session: Client, count: number): Promise<void> {
  await waitUntil(
    async () => {
      // Inside a transaction, statistics views are a snapshot taken at first use: refresh it.
      await session.query("SELECT pg_stat_clear_snapshot()");
      const { rows } = await session.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND usename = $1",
        [stack.databaseOf(OWNERS).user],
      );
      return rows[0].n >= count;
    },
    30_000,
    () => `fewer than ${count} owner lookups waited on the lock`,
  );
}

const lookupsOf = (ownerId: string) =>
  stack
    .service(OWNERS)
    .logs()
    .filter((line) => typeof line.path === "string" && line.path.endsWith(`/${ownerId}`));

describe("when the owners' service stops", () => {
  it("answers 503 for new products, still serves reads, and recovers once it is back", async () => {
    const api = apiUrl(stack, SERVICE);
    const ownerId = await newOwner();
    const existing = await call(api, "POST", "", { name: "Kept", price: 3, ownerId });
    expect(existing.status).toBe(201);

    expect(await stack.service(OWNERS).child.stop()).toBe(0);
    const refused = await call(api, "POST", "", { name: "Pen", price: 1, ownerId });
    expect(refused.status).toBe(503);
    expect(refused.body).toMatchObject({
      field: "ownerId",
      message: expect.stringMatching(/users service is unavailable/),
    });
    expect((await call(api, "GET", `/${existing.body.id}`)).status).toBe(200);
    expect((await call(stack.service(SERVICE).url, "GET", "/ready")).status).toBe(200);

    await stack.restart(OWNERS);
    const accepted = await call(api, "POST", "", { name: "Pen", price: 1, ownerId });
    expect(accepted.status).toBe(201);
  });

  it("gives up on an owners' service that does not answer: 503 after three timed-out attempts", async () => {
    const ownerId = await newOwner();
    const session = await lockOwners();
    try {
      // The lock is held until after the answer: a 503 at all means it gave up on its own.
      const response = await call(apiUrl(stack, SERVICE), "POST", "", {
        name: "Pen",
        price: 1,
        ownerId,
      });
      expect(response.status).toBe(503);
    } finally {
      await session.query("ROLLBACK");
      await session.end();
    }
    // The lookups complete once the lock is gone: three attempts reached the owners' service.
    await waitUntil(
      async () => lookupsOf(ownerId).length >= 3,
      30_000,
      () => "the owners' service did not log three lookups of the owner",
    );
    expect(lookupsOf(ownerId)).toHaveLength(3);
  });
});

describe("SIGTERM during a burst of requests", () => {
  it("finishes every request it accepted, refuses new connections and exits 0", async () => {
    const service = stack.service(SERVICE);
    const api = apiUrl(stack, SERVICE);
    const ownerId = await newOwner();
    const session = await lockOwners();
    let released = false;
    try {
      // Owner lookups wait on the lock, so the burst is in flight inside the service at SIGTERM.
      const burst = Array.from({ length: 8 }, (_, i) =>
        outcome(call(api, "POST", "", { name: `Burst ${i}`, price: i, ownerId })),
      );
      await waitForBlockedLookups(session, 8);
      service.child.process.kill("SIGTERM");
      await waitUntil(
        async () => !(await isListening(service.port)),
        30_000,
        () => `${service.url} still accepts connections after SIGTERM`,
      );
      const late = await outcome(call(service.url, "GET", "/health"));
      await session.query("COMMIT");
      released = true;

      expect(await Promise.all(burst)).toEqual(burst.map(() => 201));
      expect(late).toBe("ECONNREFUSED");
      // Exit 0, not the exit 1 of the drain deadline: everything finished in time.
      expect(await service.child.exited).toBe(0);
      expect(service.logs().map((line) => line.msg)).toEqual(expect.arrayContaining(["stopped"]));
    } finally {
      if (!released) await session.query("ROLLBACK");
      await session.end();
    }
  });
});
