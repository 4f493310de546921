import type { FastifyInstance } from "fastify";
import { HttpError } from "../platform/http-errors";
import { encodeCursor, parsePageQuery } from "./page-query";
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

/** The users REST API under /users. */
export function registerUserRoutes(app: FastifyInstance, users: UserStore): void {
  app.post("/users", async (request, reply) => {
    const input = parseUserInput(request.body);
    const user = await users.create(input).catch(conflict);
    return reply.code(201).header("location", `/users/${user.id}`).send(user);
  });

  app.get("/users", async (request) => {
    const { limit, afterSeq } = parsePageQuery(request.query as Record<string, unknown>);
    const page = await users.list(limit, afterSeq);
    return {
      items: page.items,
      nextCursor: page.nextSeq === undefined ? null : encodeCursor(page.nextSeq),
    };
  });

  app.get<{ Params: IdParams }>("/users/:id", async (request) => {
    const user = await users.find(request.params.id);
    if (user === undefined) throw notFound(request.params.id);
    return user;
  });

  app.put<{ Params: IdParams }>("/users/:id", async (request) => {
    const input = parseUserInput(request.body);
    const user = await users.replace(request.params.id, input).catch(conflict);
    if (user === undefined) throw notFound(request.params.id);
    return user;
  });

  app.delete<{ Params: IdParams }>("/users/:id", async (request, reply) => {
    if (!(await users.remove(request.params.id))) throw notFound(request.params.id);
    return reply.code(204).send();
  });
}
