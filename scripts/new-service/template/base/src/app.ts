import {
  createHttpServer,
  registerHealthRoutes,
  type Readiness,
  type ServerSettings,
} from "@shop/service-platform";
import type { FastifyBaseLogger, FastifyInstance } from "fastify";
import type { ItemStore } from "./items/item";
import { registerItemRoutes } from "./items/item-routes";

/** Ready when the data store answers; the details go to the log, not to the client. */
async function storeReadiness(items: ItemStore, log: FastifyBaseLogger): Promise<Readiness> {
  try {
    await items.ping();
    return { ready: true };
  } catch (error) {
    log.warn({ error: (error as Error).message }, "not ready: the data store does not answer");
    return { ready: false, reason: "the data store does not answer" };
  }
}

/** The service's HTTP application: health routes, and its API under the path prefix. */
export function buildApp(
  service: string,
  items: ItemStore,
  settings: Pick<ServerSettings, "logLevel" | "pathPrefix">,
): FastifyInstance {
  const app = createHttpServer({
    service,
    logLevel: settings.logLevel,
    describeUnavailable: (error) =>
      items.isUnavailable(error) ? "the data store is unavailable: try again shortly" : undefined,
  });
  registerHealthRoutes(app, settings.pathPrefix, () => storeReadiness(items, app.log));
  void app.register(async (api) => registerItemRoutes(api, items), {
    prefix: settings.pathPrefix,
  });
  return app;
}
