import { encodeCursor, HttpError, invalidCursor, isUuid, parseLimit } from "@shop/service-platform";
import type { FastifyInstance } from "fastify";
import type { ItemStore } from "./item";
import { parseItemInput } from "./item-input";

type IdParams = { id: string };

function notFound(id: string): HttpError {
  return new HttpError(404, `no item with id ${id}`);
}

/** The items REST API, at the prefix of `api` (a Fastify plugin scope): the example resource. */
export function registerItemRoutes(api: FastifyInstance, items: ItemStore): void {
  api.post("/", async (request, reply) => {
    const item = await items.create(parseItemInput(request.body).name);
    return reply.code(201).header("location", `${api.prefix}/${item.id}`).send(item);
  });

  api.get("/", async (request) => {
    const query = request.query as Record<string, unknown>;
    const limit = parseLimit(query.limit);
    if (query.cursor !== undefined && typeof query.cursor !== "string") throw invalidCursor();
    const page = await items.list(limit, query.cursor || undefined);
    return { items: page.items, nextCursor: page.next ? encodeCursor(page.next) : null };
  });

  api.get<{ Params: IdParams }>("/:id", async (request) => {
    const { id } = request.params;
    const item = isUuid(id) ? await items.find(id) : undefined;
    if (item === undefined) throw notFound(id);
    return item;
  });

  api.delete<{ Params: IdParams }>("/:id", async (request, reply) => {
    const { id } = request.params;
    if (!(isUuid(id) && (await items.remove(id)))) throw notFound(id);
    return reply.code(204).send();
  });
}
