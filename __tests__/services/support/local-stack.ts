import { randomBytes } from "node:crypto";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  ensureProductsTable,
  tableEnvironment,
  startDynalite,
  type Dynalite,
} from "../../../scripts/local/dynalite";
import { freePort } from "../../../scripts/local/ports";
import { databaseEnvironment, startPostgres, type Postgres } from "../../../scripts/local/postgres";
import {
  ecsLikeEnvironment,
  readManifest,
  startService,
  type RunningService,
} from "../../../scripts/local/services";

export const ROOT = join(__dirname, "..", "..", "..");
export const TABLE_NAME = "products";

/** PostgreSQL and users, optionally dynalite and products, wired as in ECS on loopback ports. */
export interface LocalStack {
  readonly postgres: Postgres;
  readonly users: RunningService;
  readonly products: RunningService;
  readonly usersEnv: Readonly<Record<string, string>>;
  readonly productsEnv: Readonly<Record<string, string>>;
  /** Starts users again (same port, same environment) after it was stopped. */
  restartUsers(): Promise<RunningService>;
  /** Stops every process and removes the temporary directory. */
  stop(): Promise<void>;
}

/** Starts everything both services need, each on a free loopback port, data in a temporary directory. */
export async function startLocalStack(): Promise<LocalStack> {
  const baseDir = mkdtempSync(join(tmpdir(), "services-test-"));
  // Traversable by the postgres OS user that PostgreSQL runs as when the tests run as root.
  chmodSync(baseDir, 0o711);
  const ports = {
    postgres: await freePort(),
    dynalite: await freePort(),
    users: await freePort(),
    products: await freePort(),
  };
  const started: { stop(): Promise<unknown> }[] = [];
  const stopAll = async () => {
    for (const process of started.reverse()) await process.stop().catch(() => undefined);
    rmSync(baseDir, { recursive: true, force: true });
  };
  try {
    const track = <T extends { stop(): Promise<unknown> }>(process: T): T => {
      started.push(process);
      return process;
    };
    const [postgres, dynalite]: [Postgres, Dynalite] = await Promise.all([
      startPostgres({
        baseDir: join(baseDir, "postgres"),
        port: ports.postgres,
        database: "users",
        user: "users_service",
        password: randomBytes(12).toString("hex"),
        ephemeral: true,
      }).then(track),
      startDynalite({ port: ports.dynalite }).then(track),
    ]);
    await ensureProductsTable(dynalite.endpoint, TABLE_NAME, ROOT);

    const portOf = (service: string) => ports[service as "users" | "products"];
    const usersEnv = {
      ...ecsLikeEnvironment(readManifest(ROOT, "users"), portOf),
      PORT: String(ports.users),
      ...databaseEnvironment(postgres),
    };
    const productsEnv = {
      ...ecsLikeEnvironment(readManifest(ROOT, "products"), portOf),
      PORT: String(ports.products),
      ...tableEnvironment(dynalite, TABLE_NAME),
    };
    let users = await startService({ root: ROOT, name: "users", env: usersEnv });
    started.push({ stop: () => users.child.stop() });
    const products = await startService({ root: ROOT, name: "products", env: productsEnv });
    started.push({ stop: () => products.child.stop() });
    return {
      postgres,
      get users() {
        return users;
      },
      products,
      usersEnv,
      productsEnv,
      async restartUsers() {
        users = await startService({ root: ROOT, name: "users", env: usersEnv });
        return users;
      },
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
