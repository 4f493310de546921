import type { FastifyBaseLogger, FastifyInstance } from "fastify";
import type { UsersClient } from "./owners/users-client";
import type { LogLevel } from "./platform/environment";
import { registerHealthRoutes, type Readiness } from "./platform/health-routes";
import { createHttpServer } from "./platform/http-server";
import { registerProductRoutes } from "./products/product-routes";
import type { ProductStore } from "./products/product-store";
import { isStoreUnavailable } from "./products/store-unavailable";

/** Ready when the table answers a read; the details go to the log, not to the client. */
async function tableReadiness(products: ProductStore, log: FastifyBaseLogger): Promise<Readiness> {
  try {
    await products.ping();
    return { ready: true };
  } catch (error) {
    log.warn({ error: (error as Error).message }, "not ready: the table does not answer");
    return { ready: false, reason: "the products table does not answer" };
  }
}

/** The products service's HTTP application over its table and the users service. */
export function buildApp(
  products: ProductStore,
  users: UsersClient,
  logLevel: LogLevel,
): FastifyInstance {
  const app = createHttpServer({
    service: "products",
    logLevel,
    describeUnavailable: (error) =>
      isStoreUnavailable(error)
        ? "the products table is unavailable: try again shortly"
        : undefined,
  });
  registerHealthRoutes(app, "/products", () => tableReadiness(products, app.log));
  registerProductRoutes(app, products, users);
  return app;
}
