// Writes services/<name>/package-lock.json: the lockfile each service's image is built from
// (its Docker build context is its own folder, where the workspace root's lockfile is not).
// Versions are taken from the root package-lock.json, which the tests install and run, so the
// image gets exactly the dependency versions the tests ran; npm then only rearranges the tree.
//   npm run lockfiles            (all services)
//   npm run lockfiles -- users   (one service)
import { execFileSync } from "node:child_process";
import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

type LockEntry = {
  version?: string;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
  link?: boolean;
  [key: string]: unknown;
};
type Lockfile = { packages: Record<string, LockEntry>; [key: string]: unknown };

const ROOT = join(__dirname, "..");

/** Where Node would find `name` from the package at lockfile location `from`. */
function resolveLocation(lock: Lockfile, from: string, name: string): string | undefined {
  let base = from;
  for (;;) {
    const candidate = base === "" ? `node_modules/${name}` : `${base}/node_modules/${name}`;
    if (lock.packages[candidate]) return candidate;
    if (base === "") return undefined;
    const cut = base.lastIndexOf("/node_modules/");
    base = cut === -1 ? "" : base.slice(0, cut);
  }
}

/** The root lockfile's entries the service needs, re-rooted as if the service were the project. */
function seedLockfile(rootLock: Lockfile, serviceDir: string, manifest: LockEntry): Lockfile {
  const seeded: Record<string, LockEntry> = {};
  const visit = (from: string, deps: Record<string, string>) => {
    for (const name of Object.keys(deps)) {
      const location = resolveLocation(rootLock, from, name);
      if (location === undefined) continue;
      const target = location.startsWith(`${serviceDir}/`)
        ? location.slice(serviceDir.length + 1)
        : location;
      if (seeded[target]) continue;
      const entry = rootLock.packages[location];
      seeded[target] = entry;
      const required = Object.fromEntries(
        Object.entries(entry.peerDependencies ?? {}).filter(
          ([peer]) => !entry.peerDependenciesMeta?.[peer]?.optional,
        ),
      );
      visit(location, { ...entry.dependencies, ...entry.optionalDependencies, ...required });
    }
  };
  visit(serviceDir, { ...manifest.dependencies, ...manifest.devDependencies });
  const { name, version } = manifest as { name?: string; version?: string };
  return {
    name,
    version,
    lockfileVersion: 3,
    requires: true,
    packages: {
      "": {
        name,
        version,
        dependencies: manifest.dependencies,
        devDependencies: manifest.devDependencies,
      },
      ...seeded,
    },
  };
}

function writeServiceLockfile(name: string): void {
  const serviceDir = `services/${name}`;
  const manifest = JSON.parse(readFileSync(join(ROOT, serviceDir, "package.json"), "utf8"));
  const rootLock: Lockfile = JSON.parse(readFileSync(join(ROOT, "package-lock.json"), "utf8"));
  const work = mkdtempSync(join(tmpdir(), `lockfile-${name}-`));
  try {
    copyFileSync(join(ROOT, serviceDir, "package.json"), join(work, "package.json"));
    writeFileSync(
      join(work, "package-lock.json"),
      JSON.stringify(seedLockfile(rootLock, serviceDir, manifest), null, 2),
    );
    execFileSync(
      "npm",
      ["install", "--package-lock-only", "--ignore-scripts", "--no-audit", "--no-fund"],
      { cwd: work, stdio: ["ignore", "ignore", "inherit"] },
    );
    copyFileSync(join(work, "package-lock.json"), join(ROOT, serviceDir, "package-lock.json"));
    console.log(`wrote ${serviceDir}/package-lock.json`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

const requested = process.argv.slice(2);
const services = readdirSync(join(ROOT, "services"), { withFileTypes: true })
  .filter(
    (entry) =>
      entry.isDirectory() && existsSync(join(ROOT, "services", entry.name, "package.json")),
  )
  .map((entry) => entry.name)
  .filter((name) => requested.length === 0 || requested.includes(name));
if (services.length === 0) {
  console.error(`no service named ${requested.join(", ")} under services/`);
  process.exit(1);
}
for (const name of services) writeServiceLockfile(name);
