import { HttpError } from "@shop/service-platform";
import type { FastifyInstance } from "fastify";
import { parsePageQuery, seqCursor } from "./page-query";
import { parseUserInput } from "./user-input";
import { EmailTakenError, type UserStore } from "./user-store";

type IdParams = { id: string };

function notFound(id: string): HttpError {
  return new HttpError(404, `no user with id ${id}`);
}

function conflict(error: unknown): never {
  if (error instanceof EmailTakenError) throw new HttpError(409, error.message, "email");
  throw error;
}

/** The users REST API, at the prefix of `api` (a Fastify plugin scope). */
export function registerUserRoutes(api: FastifyInstance, users: UserStore): void {
  api.post("/", async (request, reply) => {
    const input = parseUserInput(request.body);
    const user = await users.create(input).catch(conflict);
    return reply.code(201).header("location", `${api.prefix}/${user.id}`).send(user);
  });

  api.get("/", async (request) => {
    const { limit, afterSeq } = parsePageQuery(request.query as Record<string, unknown>);
    const page = await users.list(limit, afterSeq);
    return {
      items: page.items,
      nextCursor: page.nextSeq === undefined ? null : seqCursor(page.nextSeq),
    };
  });

  api.get<{ Params: IdParams }>("/:id", async (request) => {
    const user = await users.find(request.params.id);
    if (user === undefined) throw notFound(request.params.id);
    return user;
  });

  api.put<{ Params: IdParams }>("/:id", async (request) => {
    const input = parseUserInput(request.body);
    const user = await users.replace(request.params.id, input).catch(conflict);
    if (user === undefined) throw notFound(request.params.id);
    return user;
  });

  api.delete<{ Params: IdParams }>("/:id", async (request, reply) => {
    if (!(await users.remove(request.params.id))) throw notFound(request.params.id);
    return reply.code(204).send();
  });
}
