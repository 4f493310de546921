// npm run new-service, as a process in a copy of the project: the services it writes build,
// answer over HTTP with their data stores and are synthesized; bad input and failures write
// nothing at all.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { loadProject } from "../../config/load";
import type { LocalStack } from "../../scripts/local/local-stack";
import { selectServices } from "../../scripts/local/service-selection";
import { waitUntil } from "../../scripts/local/ports";
import { call } from "./support/http";
import { projectServices, startServices } from "./support/local-stack";
import { copyOfProject } from "./support/project-copy";

const env = { ...process.env, CHECKPOINT_DISABLE: "1" };
let project: ReturnType<typeof copyOfProject>;

function npm(args: readonly string[]) {
  return spawnSync("npm", ["run", "--silent", ...args], {
    cwd: project.root,
    env,
    encoding: "utf8",
  });
}

const newService = (args: readonly string[]) => npm(["new-service", "--", ...args]);

/** What new-service may write: the services folder's entries and the root lockfile. */
function writable(): {
  readonly folders: string[];
  readonly lock: string;
  readonly root: string[];
} {
  return {
    folders: readdirSync(join(project.root, "services")).sort(),
    lock: readFileSync(join(project.root, "package-lock.json"), "utf8"),
    root: readdirSync(project.root).sort(),
  };
}

/** One new service per data store, the dynamodb one calling an existing service. */
const existing = projectServices()[0].name;
const GENERATED = [
  { name: "gen-memory", args: ["--datastore", "none"] },
  { name: "gen-postgres", args: ["--datastore", "postgres"] },
  { name: "gen-dynamodb", args: ["--datastore", "dynamodb", "--calls", existing] },
] as const;

beforeAll(() => {
  project = copyOfProject();
  for (const { name, args } of GENERATED) {
    const run = newService([name, ...args]);
    if (run.status !== 0)
      throw new Error(`new-service ${name} failed:\n${run.stdout}${run.stderr}`);
  }
  // new-service built the new services; build those they call, directly or not.
  const generated: string[] = GENERATED.map((s) => s.name);
  const called = selectServices(loadProject(project.root).services, generated).filter(
    (s) => !generated.includes(s.name),
  );
  const workspaces = ["service-platform", ...called.map((s) => s.directory)];
  const build = npm(["build", ...workspaces.flatMap((w) => ["-w", w])]);
  if (build.status !== 0) throw new Error(`npm run build failed:\n${build.stdout}${build.stderr}`);
}, 600_000);
afterAll(() => project?.remove());

describe("the services it writes", () => {
  let stack: LocalStack;
  beforeAll(async () => {
    stack = await startServices(
      GENERATED.map((service) => service.name),
      project.root,
    );
  }, 180_000);
  afterAll(() => stack?.stop());

  it("get manifests the configuration accepts: ports, listener ports, prefixes and priorities of their own", () => {
    const services = loadProject(project.root).services;
    expect(services.map((s) => s.name)).toEqual(
      expect.arrayContaining(GENERATED.map((s) => s.name)),
    );
    const distinct = (values: unknown[]) => expect(new Set(values).size).toBe(values.length);
    distinct(services.map((s) => s.port));
    distinct(services.map((s) => s.routing.pathPrefix));
    distinct(services.map((s) => s.routing.priority));
  });

  it.each(GENERATED.map((s) => s.name))(
    "%s answers /health and keeps items through its API",
    async (name) => {
      const root = stack.service(name).url;
      expect((await call(root, "GET", "/health")).body).toEqual({ status: "ok" });
      const api = `${root}${stack.environmentOf(name).PATH_PREFIX}`;
      const created = await call(api, "POST", "", { name: "first" });
      expect(created.status).toBe(201);
      expect((await call(api, "GET", `/${created.body.id}`)).body).toEqual(created.body);
      expect((await call(api, "GET", "")).body.items).toContainEqual(created.body);
    },
  );

  it("tells the service it calls where that service's API is", () => {
    const caller = stack.environmentOf("gen-dynamodb");
    expect(caller[`${existing.toUpperCase().replace(/-/g, "_")}_URL`]).toBe(
      `${stack.service(existing).url}${stack.environmentOf(existing).PATH_PREFIX ?? ""}`,
    );
  });
});

it("writes services whose own tests pass (npm test runs them)", () => {
  const jest = spawnSync(
    process.execPath,
    [require.resolve("jest/bin/jest"), ...GENERATED.map((s) => `services/${s.name}/test`)],
    { cwd: project.root, env, encoding: "utf8" },
  );
  expect(jest.stderr).toMatch(
    new RegExp(`Test Suites: ${GENERATED.length} passed, ${GENERATED.length} total`),
  );
  expect(jest.status).toBe(0);
}, 300_000);

it("adds them to the root lockfile, so npm ci installs them", () => {
  const lock = JSON.parse(readFileSync(join(project.root, "package-lock.json"), "utf8"));
  for (const { name } of GENERATED) {
    expect(lock.packages[`services/${name}`]).toMatchObject({ name: `@shop/${name}` });
    expect(lock.packages[`node_modules/@shop/${name}`]).toEqual({
      resolved: `services/${name}`,
      link: true,
    });
  }
});

it("writes code that ESLint and Prettier accept as the project's own", () => {
  const folders = GENERATED.map((s) => `services/${s.name}`);
  const eslint = spawnSync("npx", ["eslint", ...folders], { cwd: project.root, encoding: "utf8" });
  expect(eslint.stdout + eslint.stderr).toBe("");
  expect(eslint.status).toBe(0);
  const prettier = spawnSync("npx", ["prettier", "--check", ...folders], {
    cwd: project.root,
    encoding: "utf8",
  });
  expect(prettier.status).toBe(0);
});

it("makes npm run synth build, push and run them in every environment", () => {
  const synth = npm(["synth"]);
  expect(synth.stderr).not.toMatch(/problem|violation/);
  expect(synth.status).toBe(0);
  const stacks = loadProject(project.root).environments.map((e) => e.name);
  expect(stacks.length).toBeGreaterThan(0);
  for (const stack of stacks) {
    const json = JSON.parse(
      readFileSync(join(project.root, "cdktf.out", "stacks", stack, "cdk.tf.json"), "utf8"),
    );
    const ids = (type: string) => Object.keys(json.resource?.[type] ?? {});
    for (const { name } of GENERATED) {
      expect(ids("terraform_data")).toContainEqual(
        expect.stringContaining(`build-and-push-${name}`),
      );
      expect(ids("aws_ecs_service")).toContainEqual(expect.stringContaining(`service-${name}`));
    }
    expect(ids("aws_db_instance")).toContainEqual(expect.stringContaining("postgres-gen-postgres"));
    expect(ids("aws_dynamodb_table")).toContainEqual(
      expect.stringContaining("dynamodb-gen-dynamodb"),
    );
  }
});

describe("with bad input", () => {
  it("prints its usage with --help, and exits 0", () => {
    const run = newService(["--help"]);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^Usage: npm run new-service -- <name>/);
  });

  it("reports every problem at once, exits 1 and writes nothing", () => {
    const before = writable();
    const run = newService([
      "Bad_Name",
      "second",
      "--datastore",
      "mysql",
      "--calls",
      "nobody",
      "--colour",
    ]);
    expect(run.status).toBe(1);
    const lines = run.stderr.trim().split("\n");
    expect(lines[0]).toBe("npm run new-service: 5 problem(s), nothing written:");
    expect(lines.slice(1)).toEqual([
      expect.stringContaining(
        '--datastore "mysql" is not a data store: expected postgres, dynamodb, none',
      ),
      "  unknown option --colour: expected --datastore, --calls or --help",
      expect.stringContaining('one name expected, got "Bad_Name", "second"'),
      expect.stringContaining('"Bad_Name" is not a service name: expected'),
      expect.stringContaining('--calls "nobody" is not a service of this project: expected one of'),
    ]);
    expect(writable()).toEqual(before);
  });

  it("refuses a name whose folder exists, naming it", () => {
    const before = writable();
    const run = newService([existing]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`services/${existing} already exists`);
    expect(writable()).toEqual(before);
  });

  it("writes nothing when a late step fails (the service does not compile)", () => {
    const template = join(project.root, "scripts/new-service/template/base/src/app.ts");
    const original = readFileSync(template, "utf8");
    const before = writable();
    writeFileSync(template, `${original}\nexport const broken: number = "not a number";\n`);
    try {
      const run = newService(["broken-one"]);
      expect(run.status).toBe(1);
      expect(run.stderr).toContain("building services/broken-one failed");
      expect(writable()).toEqual(before);
    } finally {
      writeFileSync(template, original);
    }
  });

  it("leaves nothing behind when interrupted (Ctrl-C)", async () => {
    const before = writable();
    const child = spawn("npm", ["run", "--silent", "new-service", "--", "interrupted"], {
      cwd: project.root,
      env,
      detached: true,
      stdio: "ignore",
    });
    const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
    // Ctrl-C once it has started writing: its staging folder exists.
    await waitUntil(
      async () => readdirSync(project.root).some((entry) => entry.startsWith(".new-service-")),
      60_000,
      () => "new-service never started writing",
    );
    process.kill(-child.pid!, "SIGINT");
    expect(await exited).not.toBe(0);
    // npm may exit first: wait for the command's own clean-up to finish.
    await waitUntil(
      async () => !readdirSync(project.root).some((entry) => entry.startsWith(".new-service-")),
      60_000,
      () => "new-service left its staging folder behind",
    );
    expect(writable()).toEqual(before);
    expect(existsSync(join(project.root, "services", "interrupted"))).toBe(false);
  });
});
