// npm run dev as a user runs it, in a copy of the project (its .dev/ data stays there): every
// service with a manifest, with its data stores; Ctrl-C or SIGTERM stops the services, then the
// data stores, and leaves no process and no port behind.
import { readFileSync, writeFileSync } from "node:fs";
import { createServer, type AddressInfo, type Server } from "node:net";
import { join } from "node:path";
import { startChild, type Child } from "../../scripts/local/child-processes";
import { isListening, waitUntil } from "../../scripts/local/ports";
import { projectServices } from "./support/local-stack";
import { descendantsOf, isRunning } from "./support/process-tree";
import { copyOfProject } from "./support/project-copy";

const services = projectServices();
let project: ReturnType<typeof copyOfProject>;

beforeAll(() => {
  project = copyOfProject();
});
afterAll(() => project?.remove());

/** Every npm run dev a test started, with every process below it seen so far. */
const started: { readonly child: Child; readonly processes: Set<number> }[] = [];

/** npm run dev in its own process group, as a terminal runs a foreground command. */
function dev(args: readonly string[] = []): Child {
  const child = startChild("npm", ["run", "dev", "--", ...args], {
    cwd: project.root,
    env: { ...process.env, CHECKPOINT_DISABLE: "1" },
    detached: true,
  });
  started.push({ child, processes: new Set() });
  return child;
}

/** Sends a signal, to a process or (negative) a group, that may have exited meanwhile. */
function kill(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal);
  } catch (error) {
    if ((error as { code?: string }).code !== "ESRCH") throw error;
  }
}

const signalGroup = (child: Child, signal: NodeJS.Signals) => kill(-child.process.pid!, signal);

// A test that failed half-way leaves nothing running either: Ctrl-C, then SIGKILL what is left.
afterEach(async () => {
  for (const { child, processes } of started.splice(0)) {
    for (const pid of descendantsOf(child.process.pid!)) processes.add(pid);
    signalGroup(child, "SIGINT");
    await Promise.race([
      child.closed,
      new Promise((resolve) => setTimeout(resolve, 30_000).unref()),
    ]);
    for (const pid of processes) if (isRunning(pid)) kill(pid, "SIGKILL");
  }
});

const output = (child: Child) => [...child.stdoutLines, ...child.stderrLines].join("\n");

describe("refusing to start", () => {
  it("names every unknown service at once, exits 1 and starts nothing", async () => {
    const child = dev(["nope", "nada"]);
    expect(await child.exited).toBe(1);
    await child.closed;
    expect(output(child)).toContain('npm run dev: no service named "nope", "nada" under services/');
    expect(output(child)).not.toContain("building");
  });

  it("refuses a port in use, naming the service, its manifest and the port", async () => {
    const [service] = services;
    const manifestPath = join(project.root, service.file);
    const manifest = readFileSync(manifestPath, "utf8");
    // A port this test holds: dev must find it taken.
    const holder: Server = createServer();
    await new Promise<void>((resolve) => holder.listen(0, "127.0.0.1", resolve));
    const { port } = holder.address() as AddressInfo;
    writeFileSync(manifestPath, manifest.replace(/"port": [0-9]+/, `"port": ${port}`));
    try {
      const child = dev([service.name]);
      expect(await child.exited).toBe(1);
      await child.closed;
      expect(output(child)).toContain(
        `port ${port} of ${service.name} (${service.file}: $.port) is in use`,
      );
    } finally {
      writeFileSync(manifestPath, manifest);
      await new Promise((resolve) => holder.close(resolve));
    }
  });
});

describe.each([
  ["Ctrl-C (SIGINT to the process group)", (child: Child) => signalGroup(child, "SIGINT")],
  ["SIGTERM to the npm process", (child: Child) => child.process.kill("SIGTERM")],
])("stopping with %s", (_how, signal) => {
  it("stops the services, then the data stores, and leaves no process and no port behind", async () => {
    const child = dev();
    await waitUntil(
      async () => {
        if (child.process.exitCode !== null)
          throw new Error(`npm run dev exited:\n${output(child)}`);
        return output(child).includes("Local stack running");
      },
      120_000,
      () => `npm run dev did not start:\n${output(child)}`,
    );
    const processes = descendantsOf(child.process.pid!);
    const ports = [...output(child).matchAll(/127\.0\.0\.1:([0-9]+)/g)].map((m) => Number(m[1]));
    for (const service of services) {
      expect(output(child)).toContain(`http://127.0.0.1:${service.port}`);
    }

    signal(child);
    await child.exited;
    await child.closed;
    await waitUntil(
      async () => processes.every((pid) => !isRunning(pid)),
      60_000,
      () => `still running after npm run dev stopped: ${processes.filter(isRunning).join(", ")}`,
    );
    for (const port of new Set(ports))
      expect({ port, listening: await isListening(port) }).toEqual({ port, listening: false });

    // Each service logged "stopped" (it drained) before PostgreSQL was asked to shut down.
    const lines = child.stdoutLines;
    const stoppedAt = services.map((service) =>
      lines.findIndex(
        (line) => line.startsWith(`[${service.name}] `) && line.includes('"msg":"stopped"'),
      ),
    );
    for (const index of stoppedAt) expect(index).toBeGreaterThanOrEqual(0);
    if (services.some((service) => service.datastores.postgres)) {
      const postgresStop = lines.findIndex((line) => /^\[postgres\] .*shutdown request/.test(line));
      expect(postgresStop).toBeGreaterThan(Math.max(...stoppedAt));
    }
    expect(lines.at(-1)).toBe("everything stopped");
  }, 300_000);
});
