import { LogController, type FastifyReply, type FastifyRequest } from "fastify";

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
