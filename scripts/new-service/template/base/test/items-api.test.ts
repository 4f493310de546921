// The example resource of this service, over real HTTP with its data store, as npm run dev runs it.
import type { LocalStack } from "../../../scripts/local/local-stack";
import { call } from "../../../__tests__/services/support/http";
import { startServices } from "../../../__tests__/services/support/local-stack";
import { allPages } from "../../../__tests__/services/support/paging";
import { serviceUnderTest } from "../../../__tests__/services/support/service-under-test";

const { name: SERVICE, prefix: PREFIX } = serviceUnderTest(__dirname);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
let stack: LocalStack;
let api: string;

beforeAll(async () => {
  stack = await startServices([SERVICE]);
  api = `${stack.service(SERVICE).url}${PREFIX}`;
});
afterAll(() => stack?.stop());

async function newItem(name = "An item") {
  const response = await call(api, "POST", "", { name });
  expect(response.status).toBe(201);
  return response.body;
}

describe("POST", () => {
  it("creates an item: 201 with id, name and createdAt, and its Location", async () => {
    const response = await call(api, "POST", "", { name: " First " });
    expect(response.status).toBe(201);
    expect(response.body).toEqual({
      id: expect.stringMatching(UUID),
      name: "First",
      createdAt: expect.any(String),
    });
    expect(response.headers.get("location")).toBe(`${PREFIX}/${response.body.id}`);
  });

  it.each([
    ["a missing name", {}, "name"],
    ["an empty name", { name: "  " }, "name"],
    ["a name that is not a string", { name: 7 }, "name"],
    ["an unknown field", { name: "x", colour: "red" }, "colour"],
    ["a JSON array", [], "body"],
    ["malformed JSON", '{"name": ', "body"],
  ])("answers 400 naming the field for %s", async (_case, body, field) => {
    const response = await call(api, "POST", "", body);
    expect(response.status).toBe(400);
    expect(response.body.field).toBe(field);
  });
});

describe("GET one", () => {
  it("answers 200 with the item", async () => {
    const item = await newItem();
    const response = await call(api, "GET", `/${item.id}`);
    expect(response.status).toBe(200);
    expect(response.body).toEqual(item);
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

describe("GET the list", () => {
  it("pages through every item with limit and nextCursor, each once", async () => {
    const created = [await newItem("a"), await newItem("b"), await newItem("c")];
    const seen = (await allPages(api, "", 2)).flat().map((item) => item.id);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual(expect.arrayContaining(created.map((item) => item.id)));
  });

  it("returns a page of 20 items, and a cursor to the rest, when no limit is given", async () => {
    for (let i = 0; i < 21; i++) await newItem(`Many ${i}`);
    const response = await call(api, "GET", "");
    expect(response.status).toBe(200);
    expect(response.body.items).toHaveLength(20);
    expect(response.body.nextCursor).toEqual(expect.any(String));
  });

  it.each([
    ["limit=0", "limit"],
    ["limit=101", "limit"],
    ["cursor=garbage", "cursor"],
  ])("answers 400 naming the parameter for ?%s", async (query, field) => {
    const response = await call(api, "GET", `?${query}`);
    expect(response.status).toBe(400);
    expect(response.body.field).toBe(field);
  });
});

describe("DELETE", () => {
  it("answers 204, then 404 for the same id", async () => {
    const item = await newItem();
    expect((await call(api, "DELETE", `/${item.id}`)).status).toBe(204);
    expect((await call(api, "DELETE", `/${item.id}`)).status).toBe(404);
    expect((await call(api, "GET", `/${item.id}`)).status).toBe(404);
  });
});
