import type { FastifyInstance } from "fastify";

/** What readiness found: ready, or why not. */
export type Readiness =
  { readonly ready: true } | { readonly ready: false; readonly reason: string };

/**
 * `GET /health` (200 while the process runs) and `GET /ready` (200 when the service's store
 * answers, 503 otherwise), also under the service's path prefix (`<prefix>/health`) so they
 * answer through the load balancer's path rule, which forwards the path unchanged.
 */
export function registerHealthRoutes(
  app: FastifyInstance,
  pathPrefix: string,
  checkReadiness: () => Promise<Readiness>,
): void {
  for (const prefix of new Set(["", pathPrefix])) {
    app.get(`${prefix}/health`, async () => ({ status: "ok" }));
    app.get(`${prefix}/ready`, async (_request, reply) => {
      const readiness = await checkReadiness();
      if (readiness.ready) return { status: "ready" };
      return reply.code(503).send({ status: "unavailable", reason: readiness.reason });
    });
  }
}
