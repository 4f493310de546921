import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import {
  chownSync,
  existsSync,
  mkdirSync,
  readdirSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { delimiter, dirname, join } from "node:path";
import { Client } from "pg";
import { startChild, type Child } from "./child-processes";
import { waitUntil } from "./ports";

export interface PostgresOptions {
  /** Holds the data directory and the Unix socket; initialised with initdb when empty. */
  readonly baseDir: string;
  /** Trade durability for speed (tests): fsync off. */
  readonly ephemeral?: boolean;
  /** Receives every line PostgreSQL writes to its log. */
  readonly echo?: (line: string) => void;
  /** Run it in its own process group, out of reach of the terminal's Ctrl-C. */
  readonly spawn?: { readonly detached?: boolean };
}

/** An application's database and its login role (not a superuser, owner of the database). */
export interface DatabaseLogin {
  readonly database: string;
  readonly user: string;
  readonly password: string;
}

/** A PostgreSQL server on 127.0.0.1 that can be stopped and started again on the same data. */
export interface Postgres {
  readonly host: "127.0.0.1";
  /** The port it listens on, picked when it first started. */
  readonly port: number;
  /** Creates the database and its role when missing, and sets the role's password. */
  provision(login: DatabaseLogin): Promise<void>;
  /** Starts the server again after `stop` (same port, same data). */
  start(): Promise<void>;
  /** Fast shutdown: disconnects clients and stops. */
  stop(): Promise<void>;
}

/** Ports tried for a new server: it binds one itself, and the next is tried when one is taken. */
const PORT_RANGE = { first: 20_000, count: 30_000 } as const;
const PORT_ATTEMPTS = 20;
const randomPort = () => PORT_RANGE.first + Math.floor(Math.random() * PORT_RANGE.count);

const SERVER_USER = "postgres";

/** The folder holding initdb and postgres: POSTGRES_BIN_DIR, the PATH, or Debian's /usr/lib/postgresql/<n>/bin. */
export function findPostgresBinaries(env: NodeJS.ProcessEnv = process.env): string {
  const candidates: string[] = [];
  if (env.POSTGRES_BIN_DIR) candidates.push(env.POSTGRES_BIN_DIR);
  for (const dir of (env.PATH ?? "").split(delimiter).filter(Boolean)) {
    const initdb = join(dir, "initdb");
    if (existsSync(initdb)) candidates.push(dirname(realpathSync(initdb)));
  }
  const debianRoot = "/usr/lib/postgresql";
  if (existsSync(debianRoot)) {
    const versions = readdirSync(debianRoot)
      .filter((name) => /^[0-9]+$/.test(name))
      .sort((a, b) => Number(b) - Number(a));
    candidates.push(...versions.map((version) => join(debianRoot, version, "bin")));
  }
  const found = candidates.find(
    (dir) => existsSync(join(dir, "initdb")) && existsSync(join(dir, "postgres")),
  );
  if (found === undefined) {
    throw new Error(
      "PostgreSQL server binaries (initdb, postgres) not found on PATH or in /usr/lib/postgresql/*/bin: " +
        "install them (apt-get install postgresql) or set POSTGRES_BIN_DIR",
    );
  }
  return found;
}

/** initdb and postgres refuse to run as root: as root, run them as the postgres OS user. */
function asServerUser(command: string, args: readonly string[]): [string, string[]] {
  if (process.getuid?.() !== 0) return [command, [...args]];
  return [
    "setpriv",
    [`--reuid=${SERVER_USER}`, `--regid=${SERVER_USER}`, "--init-groups", "--", command, ...args],
  ];
}

function serverUserIds(): { uid: number; gid: number } {
  try {
    const uid = Number(execFileSync("id", ["-u", SERVER_USER], { encoding: "utf8" }).trim());
    const gid = Number(execFileSync("id", ["-g", SERVER_USER], { encoding: "utf8" }).trim());
    return { uid, gid };
  } catch {
    throw new Error(
      `running as root, PostgreSQL needs the unprivileged OS user "${SERVER_USER}": ` +
        "install Debian's postgresql package (it creates it) or run as a normal user",
    );
  }
}

function chownTree(path: string, uid: number, gid: number): void {
  chownSync(path, uid, gid);
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    const child = join(path, entry.name);
    if (entry.isDirectory()) chownTree(child, uid, gid);
    else chownSync(child, uid, gid);
  }
}

function initialise(bin: string, dataDir: string, baseDir: string): void {
  const passwordFile = join(baseDir, "superuser-password");
  writeFileSync(passwordFile, randomBytes(24).toString("hex"), { mode: 0o600 });
  if (process.getuid?.() === 0) {
    const { uid, gid } = serverUserIds();
    chownTree(baseDir, uid, gid);
  }
  try {
    const [command, args] = asServerUser(join(bin, "initdb"), [
      `--pgdata=${dataDir}`,
      `--username=${SERVER_USER}`,
      `--pwfile=${passwordFile}`,
      "--auth-local=trust",
      "--auth-host=scram-sha-256",
      "--encoding=UTF8",
      "--locale=C",
      "--no-sync",
    ]);
    execFileSync(command, args, { cwd: baseDir, stdio: "pipe" });
  } catch (error) {
    const output = (error as { stderr?: Buffer }).stderr?.toString() ?? String(error);
    const hint =
      process.getuid?.() === 0
        ? ` (as root, initdb runs as the "${SERVER_USER}" OS user: every parent folder of ${baseDir} must be searchable by it)`
        : "";
    throw new Error(`initdb failed in ${dataDir}: ${output.trim()}${hint}`);
  } finally {
    rmSync(passwordFile, { force: true });
  }
}

/** Creates the application's role and database when they do not exist yet. */
async function provision(socketDir: string, port: number, login: DatabaseLogin): Promise<void> {
  const admin = new Client({ host: socketDir, port, user: SERVER_USER, database: "postgres" });
  await admin.connect();
  try {
    const role = admin.escapeIdentifier(login.user);
    const password = admin.escapeLiteral(login.password);
    const roles = await admin.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [login.user]);
    if (roles.rowCount === 0) await admin.query(`CREATE ROLE ${role} LOGIN PASSWORD ${password}`);
    else await admin.query(`ALTER ROLE ${role} PASSWORD ${password}`);
    const databases = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [
      login.database,
    ]);
    if (databases.rowCount === 0) {
      await admin.query(`CREATE DATABASE ${admin.escapeIdentifier(login.database)} OWNER ${role}`);
    }
  } finally {
    await admin.end();
  }
}

async function acceptsConnections(socketDir: string, port: number): Promise<boolean> {
  const client = new Client({ host: socketDir, port, user: SERVER_USER, database: "postgres" });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

/** Whether a server that exited while starting could not bind its port (another process has it). */
const portTaken = (log: string) => /could not bind .*Address already in use/.test(log);

/**
 * Starts PostgreSQL on 127.0.0.1 (initialising baseDir first if needed), on a port it binds itself:
 * a random one, the next when that one is taken.
 */
export async function startPostgres(options: PostgresOptions): Promise<Postgres> {
  const bin = findPostgresBinaries();
  const dataDir = join(options.baseDir, "data");
  const socketDir = join(options.baseDir, "socket");
  mkdirSync(socketDir, { recursive: true });
  if (!existsSync(join(dataDir, "PG_VERSION"))) {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    initialise(bin, dataDir, options.baseDir);
  } else if (process.getuid?.() === 0) {
    const { uid, gid } = serverUserIds();
    chownSync(socketDir, uid, gid);
  }

  let server: Child | undefined;
  /** Resolves true once the server accepts connections, false when the port was taken. */
  const startOn = async (port: number): Promise<boolean> => {
    const settings = [
      "listen_addresses=127.0.0.1",
      `unix_socket_directories=${socketDir}`,
      ...(options.ephemeral ? ["fsync=off", "synchronous_commit=off", "full_page_writes=off"] : []),
    ];
    const [command, args] = asServerUser(join(bin, "postgres"), [
      "-D",
      dataDir,
      "-p",
      String(port),
      ...settings.flatMap((setting) => ["-c", setting]),
    ]);
    const child = startChild(command, args, {
      ...options.spawn,
      cwd: options.baseDir,
      echo: options.echo,
    });
    server = child;
    let exited = false;
    void child.closed.then(() => (exited = true));
    let taken = false;
    await waitUntil(
      async () => {
        if (exited && portTaken(child.tail())) return (taken = true);
        if (exited) throw new Error(`PostgreSQL exited while starting:\n${child.tail()}`);
        return acceptsConnections(socketDir, port);
      },
      30_000,
      () => `PostgreSQL did not accept connections within 30 s:\n${child.tail()}`,
    );
    return !taken;
  };

  let port = randomPort();
  for (let attempt = 1; !(await startOn(port)); attempt++) {
    if (attempt === PORT_ATTEMPTS) {
      throw new Error(`PostgreSQL found no free port in ${PORT_ATTEMPTS} attempts`);
    }
    port = randomPort();
  }
  return {
    host: "127.0.0.1",
    port,
    provision: (login) => provision(socketDir, port, login),
    async start() {
      if (!(await startOn(port)))
        throw new Error(`PostgreSQL cannot listen on ${port} again: taken`);
    },
    async stop() {
      // SIGINT is PostgreSQL's fast shutdown: roll back open transactions, disconnect, stop.
      await server?.stop("SIGINT", 15_000);
    },
  };
}

/** A service's DATABASE_* variables for its database on a local server (no TLS on loopback). */
export function databaseEnvironment(
  postgres: Pick<Postgres, "host" | "port">,
  login: DatabaseLogin,
): Record<string, string> {
  return {
    DATABASE_HOST: postgres.host,
    DATABASE_PORT: String(postgres.port),
    DATABASE_NAME: login.database,
    DATABASE_USER: login.user,
    DATABASE_PASSWORD: login.password,
    DATABASE_SSL: "false",
  };
}
