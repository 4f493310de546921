import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const ROOT = join(__dirname, "..", "..");
const services = readdirSync(join(ROOT, "services")).filter((name) =>
  existsSync(join(ROOT, "services", name, "package.json")),
);
type Lock = { packages: Record<string, { version?: string; [key: string]: unknown }> };
const readJson = <T>(path: string): T => JSON.parse(readFileSync(path, "utf8")) as T;

/** "name@version" of every installed package a lockfile records. */
function installed(lock: Lock): Set<string> {
  return new Set(
    Object.entries(lock.packages)
      .filter(([location, entry]) => location.includes("node_modules/") && entry.version)
      .map(([location, entry]) => `${location.split("node_modules/").pop()}@${entry.version}`),
  );
}

describe.each(services)("the %s service's own lockfile (its image installs from it)", (service) => {
  const dir = join(ROOT, "services", service);
  const manifest = readJson<Record<string, Record<string, string>>>(join(dir, "package.json"));
  const lock = readJson<Lock>(join(dir, "package-lock.json"));

  it("records exactly the dependencies package.json declares (else: npm run lockfiles)", () => {
    const root = lock.packages[""];
    expect(root.dependencies ?? {}).toEqual(manifest.dependencies ?? {});
    expect(root.devDependencies ?? {}).toEqual(manifest.devDependencies ?? {});
  });

  it("installs only package versions the root lockfile installs for the tests (else: npm run lockfiles)", () => {
    const tested = installed(readJson<Lock>(join(ROOT, "package-lock.json")));
    const untested = [...installed(lock)].filter((pkg) => !tested.has(pkg));
    expect(untested).toEqual([]);
  });
});
