import {
  createHttpServer,
  isTableUnavailable,
  registerHealthRoutes,
  type Readiness,
  type ServerSettings,
} from "@shop/service-platform";
import type { FastifyBaseLogger, FastifyInstance } from "fastify";
import type { UsersClient } from "./owners/users-client";
import { registerProductRoutes } from "./products/product-routes";
import type { ProductStore } from "./products/product-store";

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

/** The products service's HTTP application over its table and the users service, its API under the path prefix. */
export function buildApp(
  products: ProductStore,
  users: UsersClient,
  settings: Pick<ServerSettings, "logLevel" | "pathPrefix">,
): FastifyInstance {
  const app = createHttpServer({
    service: "products",
    logLevel: settings.logLevel,
    describeUnavailable: (error) =>
      isTableUnavailable(error)
        ? "the products table is unavailable: try again shortly"
        : undefined,
  });
  registerHealthRoutes(app, settings.pathPrefix, () => tableReadiness(products, app.log));
  void app.register(async (api) => registerProductRoutes(api, products, users), {
    prefix: settings.pathPrefix,
  });
  return app;
}
