// npm run dev: PostgreSQL, dynalite and both services on this machine, wired as in ECS
// (PORT, the manifests' variables, <CALLEE>_URL), on the manifests' ports. Data persists in .dev/.
// Ctrl-C (or SIGTERM) stops the services first, letting them drain, then the stores; nothing is
// left running.
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmodSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Child } from "./local/child-processes";
import { ensureProductsTable, tableEnvironment, startDynalite } from "./local/dynalite";
import { freePort, isListening } from "./local/ports";
import { databaseEnvironment, startPostgres } from "./local/postgres";
import { ecsLikeEnvironment, readManifest, startService } from "./local/services";

const ROOT = join(__dirname, "..");
const DEV_DIR = join(ROOT, ".dev");
const TABLE_NAME = "products";

interface Stoppable {
  readonly name: string;
  stop(): Promise<unknown>;
  readonly child?: Child;
}

/** Everything started so far, in start order; stopped in reverse. */
const started: Stoppable[] = [];
let stopping = false;

async function stopEverything(exitCode: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    for (const process of [...started].reverse()) {
      console.log(`stopping ${process.name}…`);
      await process
        .stop()
        .catch((error: unknown) => console.error(`${process.name}: ${String(error)}`));
    }
    console.log("everything stopped");
  }
  process.exit(exitCode);
}

function prefixed(name: string) {
  return (line: string) => console.log(`[${name}] ${line}`);
}

/** Stops the whole stack if a process dies on its own. */
function watch(process: Stoppable): void {
  void process.child?.exited.then((code) => {
    if (stopping) return;
    console.error(`${process.name} exited unexpectedly (${code}):\n${process.child?.tail() ?? ""}`);
    void stopEverything(1);
  });
}

async function main(): Promise<void> {
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.on(signal, () => void stopEverything(0));
  }
  // npm does not pass a SIGTERM it receives on to the script: notice when it is gone instead.
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) void stopEverything(0);
  }, 500).unref();

  console.log("building the services…");
  execFileSync("npm", ["run", "build", "--silent"], { cwd: ROOT, stdio: "inherit" });

  const users = readManifest(ROOT, "users");
  const products = readManifest(ROOT, "products");
  for (const manifest of [users, products]) {
    if (await isListening(manifest.port)) {
      throw new Error(
        `port ${manifest.port} (${manifest.name}) is already in use: is another npm run dev running?`,
      );
    }
  }

  mkdirSync(DEV_DIR, { recursive: true });
  // PostgreSQL runs as the postgres OS user when we are root: it must be able to enter .dev/.
  chmodSync(DEV_DIR, 0o711);
  // Detached: Ctrl-C reaches this script only, which then stops the processes in order.
  const detached = { detached: true };

  const [postgres, dynalite] = await Promise.all([
    startPostgres({
      baseDir: join(DEV_DIR, "postgres"),
      port: await freePort(),
      database: "users",
      user: "users_service",
      password: randomBytes(12).toString("hex"),
      echo: prefixed("postgres"),
      spawn: detached,
    }).then((server) => {
      started.push({ name: "PostgreSQL", stop: () => server.stop() });
      return server;
    }),
    startDynalite({
      port: await freePort(),
      path: join(DEV_DIR, "dynalite"),
      spawn: detached,
    }).then((server) => {
      started.push({ name: "dynalite", stop: () => server.stop() });
      return server;
    }),
  ]);
  await ensureProductsTable(dynalite.endpoint, TABLE_NAME, ROOT);

  const portOf = (name: string) => readManifest(ROOT, name).port;
  const usersService = await startService({
    root: ROOT,
    name: "users",
    env: {
      ...ecsLikeEnvironment(users, portOf),
      ...databaseEnvironment(postgres),
    },
    echo: prefixed("users"),
    spawn: detached,
  });
  const usersProcess = {
    name: "users",
    child: usersService.child,
    stop: () => usersService.child.stop(),
  };
  started.push(usersProcess);
  watch(usersProcess);

  const productsService = await startService({
    root: ROOT,
    name: "products",
    env: {
      ...ecsLikeEnvironment(products, portOf),
      ...tableEnvironment(dynalite, TABLE_NAME),
    },
    echo: prefixed("products"),
    spawn: detached,
  });
  const productsProcess = {
    name: "products",
    child: productsService.child,
    stop: () => productsService.child.stop(),
  };
  started.push(productsProcess);
  watch(productsProcess);

  console.log(`
Local stack running; Ctrl-C stops everything.
  users     ${usersService.url}   (PostgreSQL 127.0.0.1:${postgres.port}, database users, data in .dev/postgres)
  products  ${productsService.url}   (dynalite ${dynalite.endpoint}, table ${TABLE_NAME}, data in .dev/dynalite)
Try:
  curl -s -X POST ${usersService.url}/users -H 'content-type: application/json' -d '{"name":"Ada","email":"ada@example.com"}'
  curl -s -X POST ${productsService.url}/products -H 'content-type: application/json' -d '{"name":"Pen","price":1.5,"ownerId":"<the id above>"}'
  curl -s '${productsService.url}/products?ownerId=<the id above>'
`);
}

main().catch(async (error: unknown) => {
  console.error(`npm run dev: ${error instanceof Error ? error.message : String(error)}`);
  await stopEverything(1);
});
