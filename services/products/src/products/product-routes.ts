import type { FastifyInstance } from "fastify";
import { UsersUnavailableError, type UsersClient } from "../owners/users-client";
import { HttpError } from "../platform/http-errors";
import { encodeCursor, parsePageQuery } from "./page-query";
import { parseProductInput } from "./product-input";
import type { ProductStore } from "./product-store";

type IdParams = { id: string };

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function notFound(id: string): HttpError {
  return new HttpError(404, `no product with id ${id}`);
}

/** 422 when the owner does not exist, 503 when the users service cannot tell. */
async function requireOwner(users: UsersClient, ownerId: string): Promise<void> {
  let exists: boolean;
  try {
    exists = await users.userExists(ownerId);
  } catch (error) {
    if (!(error instanceof UsersUnavailableError)) throw error;
    throw new HttpError(
      503,
      "cannot check ownerId: the users service is unavailable, try again shortly",
      "ownerId",
    );
  }
  if (!exists) {
    throw new HttpError(422, `ownerId ${ownerId} is not the id of an existing user`, "ownerId");
  }
}

/** The products REST API under /products. */
export function registerProductRoutes(
  app: FastifyInstance,
  products: ProductStore,
  users: UsersClient,
): void {
  app.post("/products", async (request, reply) => {
    const input = parseProductInput(request.body);
    await requireOwner(users, input.ownerId);
    const product = await products.create(input);
    return reply.code(201).header("location", `/products/${product.id}`).send(product);
  });

  app.get("/products", async (request) => {
    const { ownerId, limit, cursor } = parsePageQuery(request.query as Record<string, unknown>);
    const page = await products.list(limit, cursor, ownerId);
    return {
      items: page.items,
      nextCursor: page.lastKey === undefined ? null : encodeCursor(page.lastKey),
    };
  });

  app.get<{ Params: IdParams }>("/products/:id", async (request) => {
    const { id } = request.params;
    const product = UUID_PATTERN.test(id) ? await products.find(id) : undefined;
    if (product === undefined) throw notFound(id);
    return product;
  });

  app.put<{ Params: IdParams }>("/products/:id", async (request) => {
    const { id } = request.params;
    const input = parseProductInput(request.body);
    const current = UUID_PATTERN.test(id) ? await products.find(id) : undefined;
    if (current === undefined) throw notFound(id);
    if (current.ownerId !== input.ownerId) await requireOwner(users, input.ownerId);
    const product = await products.replace(id, input);
    if (product === undefined) throw notFound(id);
    return product;
  });

  app.delete<{ Params: IdParams }>("/products/:id", async (request, reply) => {
    const { id } = request.params;
    if (!UUID_PATTERN.test(id) || !(await products.remove(id))) throw notFound(id);
    return reply.code(204).send();
  });
}
