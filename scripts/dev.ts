// npm run dev [-- <service>...]: the services on this machine with the data stores they declare,
// wired as in ECS, each on its manifest's port. Data persists in .dev/. Ctrl-C (or SIGTERM) stops
// the services first, letting them drain, then the data stores; nothing is left running.
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { loadProject } from "../config/load";
import type { ServiceConfig } from "../config/model";
import { ConfigError, formatProblem } from "../config/problems";
import { LocalStack } from "./local/local-stack";
import { isListening } from "./local/ports";
import { selectServices, UnknownServicesError } from "./local/service-selection";

const ROOT = join(__dirname, "..");
const DEV_DIR = join(ROOT, ".dev");

const USAGE = `Usage: npm run dev [-- <service>...]

Runs every service that has a manifest (services/<name>/service.json), or only those named and
the services they call, on this machine: each on its manifest's port, with the data stores it
declares (PostgreSQL, dynalite, s3rver), wired as ECS wires them. Data persists in .dev/ (delete
it to start from empty stores). Ctrl-C stops everything.`;

/** A mistake in how the command was called or in what it was asked to run: no stack trace. */
class UsageError extends Error {}

let stack: LocalStack | undefined;
let stopping: Promise<never> | undefined;

/** Stops everything, then exits; a second call (another signal) waits for the first. */
function stopEverything(exitCode: number): Promise<never> {
  stopping ??= (async () => {
    console.log("stopping…");
    await stack?.stop().catch((error: unknown) => console.error(`npm run dev: ${String(error)}`));
    console.log("everything stopped");
    process.exit(exitCode);
  })();
  return stopping;
}

function parseArguments(args: readonly string[]): string[] {
  if (args.includes("--help") || args.includes("-h")) {
    console.log(USAGE);
    process.exit(0);
  }
  const options = args.filter((arg) => arg.startsWith("-"));
  if (options.length > 0) {
    throw new UsageError(`unknown option ${options.join(", ")}\n${USAGE}`);
  }
  return [...args];
}

/** Every service whose manifest port something else already listens on, in one message. */
async function refusePortsInUse(services: readonly ServiceConfig[]): Promise<void> {
  const taken: string[] = [];
  for (const service of services) {
    if (await isListening(service.port)) {
      taken.push(
        `port ${service.port} of ${service.name} (${service.file}: $.port) is in use: stop what listens there (another npm run dev?) or give ${service.name} another port`,
      );
    }
  }
  if (taken.length > 0) throw new UsageError(taken.join("\n"));
}

function summary(services: readonly ServiceConfig[], running: LocalStack): string {
  const width = Math.max(...services.map((s) => s.name.length));
  const lines = services.map((service) => {
    const url = `${running.service(service.name).url}${service.routing.pathPrefix ?? ""}`;
    const stores = [
      service.datastores.postgres &&
        `PostgreSQL 127.0.0.1:${running.postgres?.port}, database ${service.datastores.postgres.database}`,
      service.datastores.dynamodb &&
        `dynalite ${running.dynamodb?.endpoint}, table ${service.name}`,
      service.staticObjects && `s3rver ${running.staticObjects?.endpoint}, bucket static-objects`,
    ].filter(Boolean);
    return `  ${service.name.padEnd(width)}  ${url}${stores.length ? `  (${stores.join("; ")})` : ""}`;
  });
  const first = services[services.length - 1];
  const firstUrl = running.service(first.name).url;
  return [
    "Local stack running; Ctrl-C stops everything. Data in .dev/.",
    ...lines,
    "Try:",
    `  curl -s ${firstUrl}/health`,
    `  curl -s ${firstUrl}${first.routing.pathPrefix ?? "/"}`,
  ].join("\n");
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

  const names = parseArguments(process.argv.slice(2));
  const services = selectServices(loadProject(ROOT).services, names);
  const added = services.filter((s) => names.length > 0 && !names.includes(s.name));
  if (added.length > 0) {
    console.log(
      `also running ${added.map((s) => s.name).join(", ")}: called by the services named`,
    );
  }
  await refusePortsInUse(services);

  console.log("building the services…");
  const workspaces = ["service-platform", ...services.map((s) => s.directory)];
  execFileSync("npm", ["run", "build", "--silent", ...workspaces.flatMap((w) => ["-w", w])], {
    cwd: ROOT,
    stdio: "inherit",
  });

  stack = new LocalStack({
    root: ROOT,
    services,
    dataDir: DEV_DIR,
    ports: "manifest",
    echo: (source, line) => console.log(`[${source}] ${line}`),
    // Ctrl-C reaches this script only, which then stops the processes in order.
    detached: true,
  });
  await stack.start();
  if (stopping) return;
  console.log(`\n${summary(services, stack)}\n`);
  for (const service of services) {
    void stack.service(service.name).child.exited.then((code) => {
      if (stopping) return;
      const tail = stack?.service(service.name).child.tail() ?? "";
      console.error(`${service.name} exited unexpectedly (${code}):\n${tail}`);
      void stopEverything(1);
    });
  }
}

main().catch(async (error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(`npm run dev: ${error.problems.length} configuration problem(s):`);
    for (const problem of error.problems) console.error(formatProblem(problem));
  } else if (error instanceof UsageError || error instanceof UnknownServicesError) {
    console.error(`npm run dev: ${error.message}`);
  } else {
    console.error(`npm run dev: ${error instanceof Error ? error.message : String(error)}`);
  }
  await stopEverything(1);
});
