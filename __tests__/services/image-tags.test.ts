// npm run image-tags, as a process in a copy of the project: one line per service, and a tag
// that moves when, and only when, what its image is built from changes.
import { spawnSync } from "node:child_process";
import { appendFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { SHARED_BUILD_CONTEXTS } from "../../lib/shared-build-contexts";
import { projectServices } from "./support/local-stack";
import { copyOfProject } from "./support/project-copy";

const services = projectServices();
let project: ReturnType<typeof copyOfProject>;

beforeEach(() => {
  project = copyOfProject();
});
afterEach(() => project.remove());

/** The tag of each service, as npm run image-tags prints them. */
function imageTags(): Record<string, string> {
  const run = spawnSync("npm", ["run", "--silent", "image-tags"], {
    cwd: project.root,
    encoding: "utf8",
    env: { ...process.env, CHECKPOINT_DISABLE: "1" },
  });
  expect(run.stderr).toBe("");
  expect(run.status).toBe(0);
  return Object.fromEntries(
    run.stdout
      .trim()
      .split("\n")
      .map((line) => line.split("\t")),
  );
}

/** A source file of the service: the first one under src/. */
function aSourceFile(directory: string): string {
  const src = join(project.root, directory, "src");
  const file = readdirSync(src, { recursive: true }).find((p) => String(p).endsWith(".ts"));
  return join(src, String(file));
}

it("prints one tab-separated line per service: its name and a 16-hex-digit tag", () => {
  const tags = imageTags();
  expect(Object.keys(tags).sort()).toEqual(services.map((s) => s.name).sort());
  for (const tag of Object.values(tags)) expect(tag).toMatch(/^[0-9a-f]{16}$/);
});

it("changes only the tag of a service whose source changes", () => {
  const [changed, ...others] = services;
  const before = imageTags();
  appendFileSync(aSourceFile(changed.directory), "\n// changed\n");
  const after = imageTags();
  expect(after[changed.name]).not.toBe(before[changed.name]);
  for (const other of others) expect(after[other.name]).toBe(before[other.name]);
});

it("keeps every tag when a README or a manifest changes", () => {
  const before = imageTags();
  for (const service of services) {
    appendFileSync(join(project.root, service.directory, "README.md"), "\nMore.\n");
    appendFileSync(join(project.root, service.file), "\n");
  }
  expect(imageTags()).toEqual(before);
});

it("changes every tag when the shared platform code changes", () => {
  const before = imageTags();
  for (const folder of Object.values(SHARED_BUILD_CONTEXTS)) {
    appendFileSync(aSourceFile(folder), "\n// changed\n");
  }
  const after = imageTags();
  for (const service of services) expect(after[service.name]).not.toBe(before[service.name]);
});
