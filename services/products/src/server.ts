import {
  configurationOrExit,
  exitOnStartFailure,
  listen,
  stopGracefullyOnSignals,
} from "@shop/service-platform";
import { buildApp } from "./app";
import { loadConfig } from "./config";
import { UsersClient } from "./owners/users-client";
import { ProductStore } from "./products/product-store";

const SERVICE = "products";
/** The drain deadline: well inside the 10 seconds a stopping task is given. */
const SHUTDOWN_DEADLINE_MS = 8_000;

async function main(): Promise<void> {
  const config = configurationOrExit(SERVICE, () => loadConfig(process.env));
  const products = new ProductStore(config.table);
  const users = new UsersClient({ baseUrl: config.usersUrl });
  const app = buildApp(products, users, config.server);
  stopGracefullyOnSignals(app, {
    release: async () => products.close(),
    deadlineMs: SHUTDOWN_DEADLINE_MS,
  });
  await listen(app, config.server);
}

main().catch(exitOnStartFailure(SERVICE));
