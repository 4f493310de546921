import {
  configurationOrExit,
  exitOnStartFailure,
  listen,
  stopGracefullyOnSignals,
} from "@shop/service-platform";
import { buildApp } from "./app";
import { loadConfig } from "./config";
import { createItemStore } from "./items/item-store";

const SERVICE = "__SERVICE__";
/** The drain deadline: well inside the 10 seconds a stopping task is given. */
const SHUTDOWN_DEADLINE_MS = 8_000;

async function main(): Promise<void> {
  const config = configurationOrExit(SERVICE, () => loadConfig(process.env));
  const items = createItemStore(config.store, () => app.log);
  const app = buildApp(SERVICE, items, config.server);
  await items.prepare();
  stopGracefullyOnSignals(app, { release: () => items.close(), deadlineMs: SHUTDOWN_DEADLINE_MS });
  await listen(app, config.server);
}

main().catch(exitOnStartFailure(SERVICE));
