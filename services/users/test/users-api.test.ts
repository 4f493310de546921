import type { LocalStack } from "../../../scripts/local/local-stack";
import { call } from "../../../__tests__/services/support/http";
import { startServices } from "../../../__tests__/services/support/local-stack";
import { allPages } from "../../../__tests__/services/support/paging";
import { serviceUnderTest } from "../../../__tests__/services/support/service-under-test";

const { name: SERVICE, prefix: PREFIX } = serviceUnderTest(__dirname);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
let stack: LocalStack;
/** The service's API: its URL and path prefix. */
let api: string;
let sequence = 0;
/** A fresh, unique email address for each user a test creates. */
const email = (name = "user") => `${name}.${++sequence}.${Date.now()}@example.com`;

beforeAll(async () => {
  stack = await startServices([SERVICE]);
  api = `${stack.service(SERVICE).url}${PREFIX}`;
});
afterAll(() => stack?.stop());

describe("POST /users", () => {
  it("creates a user: 201 with id, name, email, createdAt and a Location header", async () => {
    const address = email("ada");
    const response = await call(api, "POST", "", { name: " Ada Lovelace ", email: address });
    expect(response.status).toBe(201);
    expect(response.body).toEqual({
      id: expect.stringMatching(UUID),
      name: "Ada Lovelace",
      email: address,
      createdAt: expect.any(String),
    });
    expect(Date.parse(response.body.createdAt)).toBeGreaterThan(Date.now() - 60_000);
    expect(response.headers.get("location")).toBe(`${PREFIX}/${response.body.id}`);
  });

  it.each([
    ["a missing name", { email: "a@example.com" }, "name"],
    ["an empty name", { name: "  ", email: "a@example.com" }, "name"],
    ["a name that is not a string", { name: 42, email: "a@example.com" }, "name"],
    ["a missing email", { name: "Ada" }, "email"],
    ["an invalid email", { name: "Ada", email: "not-an-email" }, "email"],
    ["an email with spaces", { name: "Ada", email: "ada @example.com" }, "email"],
    ["an unknown field", { name: "Ada", email: "a@example.com", role: "admin" }, "role"],
    ["a JSON array", [], "body"],
    ["malformed JSON", '{"name": "Ada", ', "body"],
    ["an empty JSON body", "", "body"],
  ])("answers 400 naming the field for %s", async (_case, body, field) => {
    const response = await call(api, "POST", "", body);
    expect(response.status).toBe(400);
    expect(response.body.field).toBe(field);
    expect(response.body.message).toContain(field === "body" ? "body" : field);
  });

  it("answers 409 when the email exists, whatever its letter case", async () => {
    const address = email("grace");
    expect((await call(api, "POST", "", { name: "Grace", email: address })).status).toBe(201);
    const again = await call(api, "POST", "", { name: "G", email: address.toUpperCase() });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({
      field: "email",
      message: expect.stringContaining("exists"),
    });
  });
});

describe("GET /users/:id", () => {
  it("answers 200 with the user", async () => {
    const created = await call(api, "POST", "", { name: "Linus", email: email() });
    const response = await call(api, "GET", `/${created.body.id}`);
    expect(response.status).toBe(200);
    expect(response.body).toEqual(created.body);
  });

  it.each(["00000000-0000-4000-8000-000000000000", "not-a-uuid"])(
    "answers 404 for %s",
    async (id) => {
      const response = await call(api, "GET", `/${id}`);
      expect(response.status).toBe(404);
      expect(response.body.message).toContain(id);
    },
  );
});

describe("GET /users", () => {
  it("pages through every user with nextCursor, ending with null", async () => {
    const created = [];
    for (let i = 0; i < 5; i++) {
      created.push((await call(api, "POST", "", { name: `Pager ${i}`, email: email() })).body);
    }
    const seen = (await allPages(api, "", 2)).flat().map((user) => user.id);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual(expect.arrayContaining(created.map((user) => user.id)));
    // creation order: the five just created come last, in order
    expect(seen.slice(-5)).toEqual(created.map((user) => user.id));
  });

  it("returns a page of 20 users, and a cursor to the rest, when no limit is given", async () => {
    for (let i = 0; i < 21; i++) {
      expect((await call(api, "POST", "", { name: `Many ${i}`, email: email() })).status).toBe(201);
    }
    const response = await call(api, "GET", "");
    expect(response.status).toBe(200);
    expect(response.body.items).toHaveLength(20);
    expect(response.body.nextCursor).toEqual(expect.any(String));
  });

  it.each([
    ["limit=0", "limit"],
    ["limit=101", "limit"],
    ["limit=ten", "limit"],
    ["cursor=garbage", "cursor"],
    [`cursor=${Buffer.from('{"after":"x"}').toString("base64url")}`, "cursor"],
  ])("answers 400 naming the parameter for ?%s", async (query, field) => {
    const response = await call(api, "GET", `?${query}`);
    expect(response.status).toBe(400);
    expect(response.body.field).toBe(field);
  });
});

describe("PUT /users/:id", () => {
  it("replaces name and email: 200 with the user, createdAt unchanged", async () => {
    const created = (await call(api, "POST", "", { name: "Old", email: email() })).body;
    const address = email("new");
    const response = await call(api, "PUT", `/${created.id}`, {
      name: "New",
      email: address,
    });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ ...created, name: "New", email: address });
    expect((await call(api, "GET", `/${created.id}`)).body.name).toBe("New");
  });

  it("answers 400 naming the field for an invalid body", async () => {
    const created = (await call(api, "POST", "", { name: "Valid", email: email() })).body;
    const response = await call(api, "PUT", `/${created.id}`, { name: "Valid", email: "x" });
    expect(response.status).toBe(400);
    expect(response.body.field).toBe("email");
  });

  it("answers 404 for an unknown user", async () => {
    const response = await call(api, "PUT", "/00000000-0000-4000-8000-000000000000", {
      name: "Nobody",
      email: email(),
    });
    expect(response.status).toBe(404);
  });

  it("answers 409 when the new email belongs to another user", async () => {
    const taken = email("taken");
    await call(api, "POST", "", { name: "First", email: taken });
    const second = (await call(api, "POST", "", { name: "Second", email: email() })).body;
    const response = await call(api, "PUT", `/${second.id}`, {
      name: "Second",
      email: taken,
    });
    expect(response.status).toBe(409);
  });
});

describe("DELETE /users/:id", () => {
  it("answers 204, then 404 for the same id", async () => {
    const created = (await call(api, "POST", "", { name: "Gone", email: email() })).body;
    const deleted = await call(api, "DELETE", `/${created.id}`);
    expect(deleted.status).toBe(204);
    expect(deleted.body).toBeUndefined();
    expect((await call(api, "DELETE", `/${created.id}`)).status).toBe(404);
    expect((await call(api, "GET", `/${created.id}`)).status).toBe(404);
  });
});
