import type { LocalStack } from "../../../scripts/local/local-stack";
import { call } from "../../../__tests__/services/support/http";
import { apiUrl, startServices } from "../../../__tests__/services/support/local-stack";
import { allPages } from "../../../__tests__/services/support/paging";
import { serviceUnderTest } from "../../../__tests__/services/support/service-under-test";

const { name: SERVICE, prefix: PREFIX } = serviceUnderTest(__dirname);
/** The service that owns the owners: the one this service calls. */
const OWNERS = "users";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const NOBODY = "00000000-0000-4000-8000-000000000000";
let stack: LocalStack;
/** The service's API: its URL and path prefix. */
let api: string;
let sequence = 0;

/** A new user in the users service, to own products. */
async function newOwner(): Promise<string> {
  const email = `owner.${++sequence}.${Date.now()}@example.com`;
  const response = await call(apiUrl(stack, OWNERS), "POST", "", { name: "Owner", email });
  expect(response.status).toBe(201);
  return response.body.id;
}

async function newProduct(ownerId: string, name = "Pen", price = 1.5) {
  const response = await call(api, "POST", "", { name, price, ownerId });
  expect(response.status).toBe(201);
  return response.body;
}

beforeAll(async () => {
  stack = await startServices([SERVICE]);
  api = `${stack.service(SERVICE).url}${PREFIX}`;
});
afterAll(() => stack?.stop());

describe("POST /products", () => {
  it("creates a product: 201 with id, name, price, ownerId, createdAt and a Location header", async () => {
    const ownerId = await newOwner();
    const response = await call(api, "POST", "", { name: "Lamp", price: 19.99, ownerId });
    expect(response.status).toBe(201);
    expect(response.body).toEqual({
      id: expect.stringMatching(UUID),
      name: "Lamp",
      price: 19.99,
      ownerId,
      createdAt: expect.any(String),
    });
    expect(Date.parse(response.body.createdAt)).toBeGreaterThan(Date.now() - 60_000);
    expect(response.headers.get("location")).toBe(`${PREFIX}/${response.body.id}`);
  });

  it.each([0, 10, 0.5, 1234.56])("accepts the price %s", async (price) => {
    const ownerId = await newOwner();
    const response = await call(api, "POST", "", { name: "Priced", price, ownerId });
    expect(response.status).toBe(201);
    expect(response.body.price).toBe(price);
  });

  it.each([
    ["a negative price", { name: "Pen", price: -1 }, "price"],
    ["a price with three decimals", { name: "Pen", price: 1.999 }, "price"],
    ["a price given as a string", { name: "Pen", price: "1.50" }, "price"],
    ["a missing price", { name: "Pen" }, "price"],
    ["a missing name", { price: 1 }, "name"],
    ["a name that is not a string", { name: ["Pen"], price: 1 }, "name"],
    ["a missing ownerId", { name: "Pen", price: 1, ownerId: undefined }, "ownerId"],
    ["an ownerId that is not a string", { name: "Pen", price: 1, ownerId: 7 }, "ownerId"],
    ["an unknown field", { name: "Pen", price: 1, colour: "red" }, "colour"],
  ])("answers 400 naming the field for %s", async (_case, fields, field) => {
    const ownerId = await newOwner();
    const response = await call(api, "POST", "", { ownerId, ...fields });
    expect(response.status).toBe(400);
    expect(response.body.field).toBe(field);
    expect(response.body.message).toContain(field);
  });

  it.each([
    ["malformed JSON", '{"name": "Pen", "price": '],
    ["an empty JSON body", ""],
    ["a JSON string", '"Pen"'],
  ])("answers 400 naming the body for %s", async (_case, body) => {
    const response = await call(api, "POST", "", body);
    expect(response.status).toBe(400);
    expect(response.body.field).toBe("body");
  });

  it.each([NOBODY, "not-a-user-id"])(
    "answers 422 when the owner %s does not exist in the users service",
    async (ownerId) => {
      const response = await call(api, "POST", "", { name: "Pen", price: 1, ownerId });
      expect(response.status).toBe(422);
      expect(response.body).toMatchObject({ field: "ownerId" });
      expect(response.body.message).toContain(ownerId);
    },
  );
});

describe("GET /products/:id", () => {
  it("answers 200 with the product", async () => {
    const product = await newProduct(await newOwner());
    const response = await call(api, "GET", `/${product.id}`);
    expect(response.status).toBe(200);
    expect(response.body).toEqual(product);
  });

  it.each([NOBODY, "not-a-uuid"])("answers 404 for %s", async (id) => {
    expect((await call(api, "GET", `/${id}`)).status).toBe(404);
  });
});

describe("GET /products", () => {
  it("lists one owner's products in creation order, page by page", async () => {
    const ownerId = await newOwner();
    const created = [];
    for (let i = 0; i < 5; i++) created.push(await newProduct(ownerId, `Item ${i}`, i));
    await newProduct(await newOwner(), "Someone else's");
    const pages = await allPages<{ id: string }>(api, `ownerId=${ownerId}&`, 2);
    expect(pages.map((page) => page.length)).toEqual([2, 2, 1]);
    expect(pages.flat()).toEqual(created);
  });

  it("lists every product page by page, each once", async () => {
    const ownerId = await newOwner();
    const created = [await newProduct(ownerId), await newProduct(ownerId)];
    const ids = (await allPages(api, "", 3)).flat().map((product) => product.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expect.arrayContaining(created.map((product) => product.id)));
  });

  it("returns pages of 20 products, and a cursor to the rest, when no limit is given", async () => {
    const ownerId = await newOwner();
    for (let i = 0; i < 21; i++) await newProduct(ownerId, `Many ${i}`, i);
    for (const query of [`?ownerId=${ownerId}`, ""]) {
      const response = await call(api, "GET", query);
      expect(response.status).toBe(200);
      expect(response.body.items).toHaveLength(20);
      expect(response.body.nextCursor).toEqual(expect.any(String));
    }
  });

  it("answers an empty page for an owner without products", async () => {
    const response = await call(api, "GET", `?ownerId=${NOBODY}`);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ items: [], nextCursor: null });
  });

  it("answers 400 for a cursor of another owner's listing", async () => {
    const ownerId = await newOwner();
    await newProduct(ownerId);
    await newProduct(ownerId);
    const first = await call(api, "GET", `?ownerId=${ownerId}&limit=1`);
    const cursor = first.body.nextCursor;
    expect(cursor).toEqual(expect.any(String));
    const other = await call(api, "GET", `?ownerId=${NOBODY}&cursor=${cursor}`);
    expect(other.status).toBe(400);
    expect(other.body.field).toBe("cursor");
  });

  it.each([
    ["limit=0", "limit"],
    ["limit=1000", "limit"],
    ["limit=-1", "limit"],
    ["cursor=garbage", "cursor"],
    ["ownerId=", "ownerId"],
  ])("answers 400 naming the parameter for ?%s", async (query, field) => {
    const response = await call(api, "GET", `?${query}`);
    expect(response.status).toBe(400);
    expect(response.body.field).toBe(field);
  });
});

describe("PUT /products/:id", () => {
  it("replaces name and price: 200, createdAt and id unchanged", async () => {
    const ownerId = await newOwner();
    const product = await newProduct(ownerId);
    const response = await call(api, "PUT", `/${product.id}`, {
      name: "Fountain pen",
      price: 42.5,
      ownerId,
    });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ ...product, name: "Fountain pen", price: 42.5 });
    expect((await call(api, "GET", `/${product.id}`)).body).toEqual(response.body);
  });

  it("moves a product to another existing owner, and lists it under that owner", async () => {
    const product = await newProduct(await newOwner());
    const newOwnerId = await newOwner();
    const response = await call(api, "PUT", `/${product.id}`, {
      name: product.name,
      price: product.price,
      ownerId: newOwnerId,
    });
    expect(response.status).toBe(200);
    const listing = await call(api, "GET", `?ownerId=${newOwnerId}`);
    expect(listing.body.items.map((item: { id: string }) => item.id)).toEqual([product.id]);
  });

  it("answers 422 when the new owner does not exist", async () => {
    const product = await newProduct(await newOwner());
    const response = await call(api, "PUT", `/${product.id}`, {
      name: "Pen",
      price: 1,
      ownerId: NOBODY,
    });
    expect(response.status).toBe(422);
    expect(response.body.field).toBe("ownerId");
  });

  it("answers 400 naming the field for an invalid body", async () => {
    const ownerId = await newOwner();
    const product = await newProduct(ownerId);
    const response = await call(api, "PUT", `/${product.id}`, {
      name: "Pen",
      price: 0.001,
      ownerId,
    });
    expect(response.status).toBe(400);
    expect(response.body.field).toBe("price");
  });

  it("answers 404 for an unknown product", async () => {
    const ownerId = await newOwner();
    const response = await call(api, "PUT", `/${NOBODY}`, {
      name: "Pen",
      price: 1,
      ownerId,
    });
    expect(response.status).toBe(404);
  });
});

describe("DELETE /products/:id", () => {
  it("answers 204, then 404 for the same id", async () => {
    const product = await newProduct(await newOwner());
    const deleted = await call(api, "DELETE", `/${product.id}`);
    expect(deleted.status).toBe(204);
    expect(deleted.body).toBeUndefined();
    expect((await call(api, "DELETE", `/${product.id}`)).status).toBe(404);
    expect((await call(api, "GET", `/${product.id}`)).status).toBe(404);
  });
});
