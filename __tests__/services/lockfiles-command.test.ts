// npm run lockfiles, as a process in a copy of the project: it writes each service's image
// lockfile from the root lockfile, the same bytes every time.
import { spawnSync } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { projectServices } from "./support/local-stack";
import { copyOfProject } from "./support/project-copy";

const services = projectServices();
let project: ReturnType<typeof copyOfProject>;

beforeEach(() => {
  project = copyOfProject();
});
afterEach(() => project.remove());

const lockfiles = (names: readonly string[] = []) =>
  spawnSync("npm", ["run", "--silent", "lockfiles", "--", ...names], {
    cwd: project.root,
    encoding: "utf8",
  });
const lockfileOf = (directory: string) =>
  readFileSync(join(project.root, directory, "package-lock.json"), "utf8");

it("writes back every service's lockfile exactly as committed when nothing changed", () => {
  const committed = services.map((s) => lockfileOf(s.directory));
  const run = lockfiles();
  expect(run.status).toBe(0);
  expect(services.map((s) => lockfileOf(s.directory))).toEqual(committed);
  for (const service of services) {
    expect(run.stdout).toContain(`wrote ${service.directory}/package-lock.json`);
  }
});

it("writes a missing lockfile of the service named, and only it", () => {
  const [named, ...others] = services;
  const committed = lockfileOf(named.directory);
  rmSync(join(project.root, named.directory, "package-lock.json"));
  const run = lockfiles([named.name]);
  expect(run.status).toBe(0);
  expect(run.stdout.trim().split("\n")).toEqual([`wrote ${named.directory}/package-lock.json`]);
  expect(lockfileOf(named.directory)).toBe(committed);
  expect(others.every((s) => !run.stdout.includes(s.directory))).toBe(true);
});

it("refuses names that are no service, naming them all, and writes nothing", () => {
  const run = lockfiles(["nope", "nada"]);
  expect(run.status).toBe(1);
  expect(run.stderr).toContain("no service named nope, nada under services/");
  expect(run.stdout).toBe("");
});
