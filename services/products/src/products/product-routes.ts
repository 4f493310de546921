import { encodeCursor, HttpError, isUuid } from "@shop/service-platform";
import type { FastifyInstance } from "fastify";
import { UsersUnavailableError, type UsersClient } from "../owners/users-client";
import { parsePageQuery } from "./page-query";
import { parseProductInput } from "./product-input";
import type { ProductStore } from "./product-store";

type IdParams = { id: string };

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

/** The products REST API, at the prefix of `api` (a Fastify plugin scope). */
export function registerProductRoutes(
  api: FastifyInstance,
  products: ProductStore,
  users: UsersClient,
): void {
  api.post("/", async (request, reply) => {
    const input = parseProductInput(request.body);
    await requireOwner(users, input.ownerId);
    const product = await products.create(input);
    return reply.code(201).header("location", `${api.prefix}/${product.id}`).send(product);
  });

  api.get("/", async (request) => {
    const { ownerId, limit, cursor } = parsePageQuery(request.query as Record<string, unknown>);
    const page = await products.list(limit, cursor, ownerId);
    return {
      items: page.items,
      nextCursor: page.lastKey === undefined ? null : encodeCursor(page.lastKey),
    };
  });

  api.get<{ Params: IdParams }>("/:id", async (request) => {
    const { id } = request.params;
    const product = isUuid(id) ? await products.find(id) : undefined;
    if (product === undefined) throw notFound(id);
    return product;
  });

  api.put<{ Params: IdParams }>("/:id", async (request) => {
    const { id } = request.params;
    const input = parseProductInput(request.body);
    const current = isUuid(id) ? await products.find(id) : undefined;
    if (current === undefined) throw notFound(id);
    if (current.ownerId !== input.ownerId) await requireOwner(users, input.ownerId);
    const product = await products.replace(id, input);
    if (product === undefined) throw notFound(id);
    return product;
  });

  api.delete<{ Params: IdParams }>("/:id", async (request, reply) => {
    const { id } = request.params;
    if (!isUuid(id) || !(await products.remove(id))) throw notFound(id);
    return reply.code(204).send();
  });
}
