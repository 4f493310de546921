import { randomBytes } from "node:crypto";
import { chmodSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import type { ServiceConfig } from "../../config/model";
import { ensureTable, startLocalDynamodb, type LocalDynamodb } from "./dynamodb";
import { startPostgres, type DatabaseLogin, type Postgres } from "./postgres";
import { serviceEnvironment } from "./service-environment";
import { startService, type RunningService } from "./services";
import { startLocalStaticObjects, type LocalStaticObjects } from "./static-objects";

export interface LocalStackOptions {
  /** The project root: each service runs from root/<its directory>. */
  readonly root: string;
  /** The services to run, callees before callers (selectServices). */
  readonly services: readonly ServiceConfig[];
  /** Where the data stores keep their data: postgres/, dynalite/, static-objects/ inside. */
  readonly dataDir: string;
  /** "manifest": each service on its manifest's port (npm run dev); "free": ports the system picks. */
  readonly ports: "manifest" | "free";
  /** Trade PostgreSQL's durability for speed (tests). */
  readonly ephemeral?: boolean;
  /** Receives every line PostgreSQL and the services write, with where it came from. */
  readonly echo?: (source: string, line: string) => void;
  /** Run PostgreSQL and the services in their own process groups, out of reach of Ctrl-C. */
  readonly detached?: boolean;
}

/**
 * Services on this machine with the data stores they declare, wired as ECS wires them (PORT,
 * PATH_PREFIX, the manifest's environment, <CALLEE>_URL, the data stores' variables) on loopback:
 * one PostgreSQL server with a database and role per service that declares postgres, dynalite with
 * a table per service that declares dynamodb, s3rver for those that declare staticObjects.
 * `stop()` stops the services first, in reverse start order, then the data stores; it may be
 * called while `start()` is still running.
 */
export class LocalStack {
  postgres?: Postgres;
  dynamodb?: LocalDynamodb;
  staticObjects?: LocalStaticObjects;
  private readonly running = new Map<string, RunningService>();
  private readonly environments = new Map<string, Record<string, string>>();
  private readonly logins = new Map<string, DatabaseLogin>();
  /** What to stop, in start order: stopped in reverse. */
  private readonly started: { readonly name: string; stop(): Promise<unknown> }[] = [];
  private starting?: Promise<void>;
  private stopping?: Promise<void>;

  constructor(private readonly options: LocalStackOptions) {}

  start(): Promise<void> {
    this.starting ??= this.startAll();
    return this.starting;
  }

  /** A service started by this stack. */
  service(name: string): RunningService {
    const service = this.running.get(name);
    if (!service) throw new Error(`${name} is not running in this local stack`);
    return service;
  }

  /** The database and login of a service that declares postgres. */
  databaseOf(name: string): DatabaseLogin & { readonly host: string; readonly port: number } {
    const login = this.logins.get(name);
    if (!login || !this.postgres) throw new Error(`${name} has no database in this local stack`);
    return { ...login, host: this.postgres.host, port: this.postgres.port };
  }

  /** The environment a service was started with. */
  environmentOf(name: string): Readonly<Record<string, string>> {
    const env = this.environments.get(name);
    if (!env) throw new Error(`${name} was not started by this local stack`);
    return env;
  }

  /** Starts a service again (after it stopped) with the same environment, on the same port. */
  async restart(name: string): Promise<RunningService> {
    const env = { ...this.environmentOf(name), PORT: String(this.service(name).port) };
    return this.launch(this.serviceConfig(name), env);
  }

  /** Stops the services (last started first), then the data stores; safe to call more than once. */
  stop(): Promise<void> {
    this.stopping ??= this.stopAll();
    return this.stopping;
  }

  private get isStopping(): boolean {
    return this.stopping !== undefined;
  }

  private serviceConfig(name: string): ServiceConfig {
    const service = this.options.services.find((s) => s.name === name);
    if (!service) throw new Error(`${name} is not a service of this local stack`);
    return service;
  }

  private track(name: string, stop: () => Promise<unknown>): void {
    this.started.push({ name, stop });
  }

  private async startAll(): Promise<void> {
    const { services, dataDir } = this.options;
    mkdirSync(dataDir, { recursive: true });
    // PostgreSQL runs as the postgres OS user when we are root: it must be able to enter dataDir.
    chmodSync(dataDir, 0o711);
    // All settled before a failure is reported, so that stop() finds every store that started.
    const stores = await Promise.allSettled([
      services.some((s) => s.datastores.postgres) && this.startPostgres(),
      services.some((s) => s.datastores.dynamodb) && this.startDynamodb(),
      services.some((s) => s.staticObjects) && this.startStaticObjects(),
    ]);
    const failed = stores.find(
      (store): store is PromiseRejectedResult => store.status === "rejected",
    );
    if (failed) throw failed.reason;
    for (const service of services) {
      if (this.isStopping) return;
      const postgres = service.datastores.postgres;
      if (postgres && this.postgres) {
        const login = {
          database: postgres.database,
          user: postgres.username,
          password: randomBytes(12).toString("hex"),
        };
        await this.postgres.provision(login);
        this.logins.set(service.name, login);
      }
      const table = service.datastores.dynamodb;
      if (table && this.dynamodb) await ensureTable(this.dynamodb, service.name, table);
      const env = this.environmentFor(service);
      this.environments.set(service.name, env);
      await this.launch(service, env);
    }
  }

  private async startPostgres(): Promise<void> {
    const echo = this.options.echo;
    this.postgres = await startPostgres({
      baseDir: join(this.options.dataDir, "postgres"),
      ephemeral: this.options.ephemeral,
      echo: echo && ((line) => echo("postgres", line)),
      spawn: { detached: this.options.detached },
    });
    const postgres = this.postgres;
    this.track("PostgreSQL", () => postgres.stop());
  }

  /** Starts an in-process store keeping its data in its own folder of the data directory. */
  private async startStore<T extends { stop(): Promise<void> }>(
    name: string,
    folder: string,
    start: (directory: string) => Promise<T>,
  ): Promise<T> {
    const directory = join(this.options.dataDir, folder);
    mkdirSync(directory, { recursive: true });
    const store = await start(directory);
    this.track(name, () => store.stop());
    return store;
  }

  private async startDynamodb(): Promise<void> {
    this.dynamodb = await this.startStore("dynalite", "dynalite", startLocalDynamodb);
  }

  private async startStaticObjects(): Promise<void> {
    this.staticObjects = await this.startStore("s3rver", "static-objects", startLocalStaticObjects);
  }

  /** The service's environment, as ECS gives it, with loopback addresses and local stores. */
  private environmentFor(service: ServiceConfig): Record<string, string> {
    const manifestPorts = this.options.ports === "manifest";
    const calleeBaseUrl = (callee: string) => {
      if (manifestPorts) return `http://127.0.0.1:${this.serviceConfig(callee).port}`;
      const running = this.running.get(callee);
      if (!running) {
        throw new Error(
          `${service.name} calls ${callee}, which is not running yet: calls that form a cycle need the manifests' ports`,
        );
      }
      return running.url;
    };
    const login = this.logins.get(service.name);
    return serviceEnvironment(service, {
      port: manifestPorts ? service.port : 0,
      calleeBaseUrl,
      services: this.options.services,
      database: login && this.postgres && { server: this.postgres, login },
      dynamodb: this.dynamodb,
      staticObjects: this.staticObjects,
    });
  }

  private async launch(
    service: ServiceConfig,
    env: Readonly<Record<string, string>>,
  ): Promise<RunningService> {
    const echo = this.options.echo;
    const running = await startService({
      directory: join(this.options.root, service.directory),
      name: service.name,
      env,
      echo: echo && ((line) => echo(service.name, line)),
      spawn: { detached: this.options.detached },
    });
    const first = !this.running.has(service.name);
    this.running.set(service.name, running);
    if (first) this.track(service.name, () => this.service(service.name).child.stop());
    if (this.isStopping) await running.child.stop();
    return running;
  }

  private async stopAll(): Promise<void> {
    await this.starting?.catch(() => undefined);
    const failures: string[] = [];
    for (const part of [...this.started].reverse()) {
      await part.stop().catch((error: unknown) => failures.push(`${part.name}: ${String(error)}`));
    }
    if (failures.length > 0) throw new Error(`could not stop ${failures.join("; ")}`);
  }
}
