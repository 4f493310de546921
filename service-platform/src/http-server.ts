import Fastify, { type FastifyError, type FastifyInstance } from "fastify";
import type { LogLevel } from "./environment";
import { errorBody, HttpError } from "./http-errors";
import { logAbortedRequests, OneLinePerRequest } from "./request-log";

export interface HttpServerOptions {
  /** The service name, on every log line. */
  readonly service: string;
  readonly logLevel: LogLevel;
  /**
   * For an unexpected error that means a dependency is down, the message of the 503 to answer;
   * undefined for any other error (a bug: 500).
   */
  readonly describeUnavailable?: (error: unknown) => string | undefined;
}

/** Fastify's own errors for a body it could not parse, with the message a client can act on. */
const BODY_ERRORS: Record<string, string> = {
  FST_ERR_CTP_EMPTY_JSON_BODY: "the request body is empty: send a JSON object",
  FST_ERR_CTP_INVALID_JSON_BODY: "the request body is not valid JSON",
  FST_ERR_CTP_BODY_TOO_LARGE: "the request body is too large",
  FST_ERR_CTP_INVALID_MEDIA_TYPE: "the request body must be JSON (Content-Type: application/json)",
};

/**
 * A Fastify server with the conventions every service shares: JSON logs on stdout with one line
 * per request (method, path, status, latency), errors as `{ statusCode, error, message, field? }`,
 * and, while closing, in-flight and already-received requests served to completion with
 * `Connection: close` rather than refused.
 */
export function createHttpServer(options: HttpServerOptions): FastifyInstance {
  const app = Fastify({
    logger: {
      level: options.logLevel,
      base: { service: options.service },
      timestamp: () => `,"time":"${new Date().toISOString()}"`,
      formatters: { level: (label) => ({ level: label }) },
    },
    logController: new OneLinePerRequest(),
    return503OnClosing: false,
    bodyLimit: 64 * 1024,
  });

  logAbortedRequests(app);

  // Requests already running when closing starts would otherwise leave their keep-alive
  // connections open after answering, and close() waits for every connection to end.
  let draining = false;
  app.addHook("preClose", (done) => {
    draining = true;
    done();
  });
  app.addHook("onSend", (_request, reply, payload, done) => {
    if (draining) void reply.header("connection", "close");
    done(null, payload);
  });

  app.setNotFoundHandler((request, reply) => {
    void reply
      .code(404)
      .send(errorBody(404, `no route for ${request.method} ${request.url.split("?")[0]}`));
  });

  app.setErrorHandler((error: FastifyError | HttpError, request, reply) => {
    if (error instanceof HttpError) {
      return reply
        .code(error.statusCode)
        .send(errorBody(error.statusCode, error.message, error.field));
    }
    const bodyMessage = error.code === undefined ? undefined : BODY_ERRORS[error.code];
    if (bodyMessage !== undefined) {
      const status = error.statusCode ?? 400;
      return reply.code(status).send(errorBody(status, bodyMessage, "body"));
    }
    const unavailable = options.describeUnavailable?.(error);
    if (unavailable !== undefined) {
      request.log.warn({ err: error }, unavailable);
      return reply.code(503).send(errorBody(503, unavailable));
    }
    if (error.statusCode !== undefined && error.statusCode < 500) {
      return reply.code(error.statusCode).send(errorBody(error.statusCode, error.message));
    }
    request.log.error({ err: error }, "unexpected error");
    return reply.code(500).send(errorBody(500, "internal error"));
  });

  return app;
}
