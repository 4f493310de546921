import { buildApp } from "./app";
import { loadConfig, type ProductsConfig } from "./config";
import { UsersClient } from "./owners/users-client";
import { ConfigurationError } from "./platform/environment";
import { stopGracefullyOnSignals } from "./platform/graceful-shutdown";
import { ProductStore } from "./products/product-store";

/** The drain deadline: well inside the 10 seconds a stopping task is given. */
const SHUTDOWN_DEADLINE_MS = 8_000;

function readConfigOrExit(): ProductsConfig {
  try {
    return loadConfig(process.env);
  } catch (error) {
    if (!(error instanceof ConfigurationError)) throw error;
    for (const problem of error.problems) console.error(`products: ${problem}`);
    console.error("products: not started: fix the environment variables above");
    process.exit(1);
  }
}

async function main(): Promise<void> {
  const config = readConfigOrExit();
  const products = new ProductStore({
    tableName: config.tableName,
    region: config.region,
    endpoint: config.dynamodbEndpoint,
  });
  const users = new UsersClient({ baseUrl: config.usersUrl });
  const app = buildApp(products, users, config.logLevel);
  stopGracefullyOnSignals(app, {
    release: async () => products.close(),
    deadlineMs: SHUTDOWN_DEADLINE_MS,
  });
  await app.listen({ host: config.host, port: config.port });
}

main().catch((error: unknown) => {
  console.error("products: failed to start:", error);
  process.exit(1);
});
