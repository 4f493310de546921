import {
  LogController,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
} from "fastify";

/**
 * Fastify's request logging replaced by one JSON line per request, written when the response is
 * finished: method, path (without the query string, which may carry cursors), matched route,
 * status and latency in milliseconds. Server errors are logged at level "error".
 */
export class OneLinePerRequest extends LogController {
  override incomingRequest(): void {}

  override requestCompleted(
    error: Error | null | undefined,
    request: FastifyRequest,
    reply: FastifyReply,
  ): void {
    const line = {
      method: request.method,
      path: request.url.split("?")[0],
      route: request.routeOptions.url,
      status: reply.statusCode,
      latencyMs: Math.round(reply.elapsedTime * 100) / 100,
      ...(error ? { err: error } : {}),
    };
    if (error || reply.statusCode >= 500) request.log.error(line, "request");
    else request.log.info(line, "request");
  }
}

/** The status logged for a request whose client went away before the answer (nginx's convention). */
export const CLIENT_CLOSED_REQUEST = 499;

/**
 * A request whose client closes the connection first never finishes its response, so Fastify
 * never calls requestCompleted: log its line when the client goes away, with status 499.
 */
export function logAbortedRequests(app: FastifyInstance): void {
  const startedAt = new WeakMap<FastifyRequest, number>();
  app.addHook("onRequest", (request, _reply, done) => {
    startedAt.set(request, performance.now());
    done();
  });
  app.addHook("onRequestAbort", (request, done) => {
    const started = startedAt.get(request);
    request.log.warn(
      {
        method: request.method,
        path: request.url.split("?")[0],
        route: request.routeOptions.url,
        status: CLIENT_CLOSED_REQUEST,
        latencyMs:
          started === undefined ? undefined : Math.round((performance.now() - started) * 100) / 100,
      },
      "request",
    );
    done();
  });
}
