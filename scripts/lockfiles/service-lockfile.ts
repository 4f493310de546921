// The lockfile a service's image is built from (its Docker build context is its own folder, where
// the workspace root's lockfile is not). Versions are taken from the root package-lock.json, which
// the tests install and run, so the image gets exactly the dependency versions the tests ran; npm
// then only rearranges the tree.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { writePackageLock } from "./write-package-lock";

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
export type Lockfile = { packages: Record<string, LockEntry>; [key: string]: unknown };

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

/**
 * The lockfile of the service whose package.json is `manifest`, at `serviceDir` (relative to the
 * project root, "/"-separated) in the workspace whose lockfile is `rootLock`: its text.
 */
export function serviceLockfile(
  rootLock: Lockfile,
  serviceDir: string,
  manifest: LockEntry,
): string {
  const work = mkdtempSync(join(tmpdir(), "service-lockfile-"));
  try {
    writeFileSync(join(work, "package.json"), JSON.stringify(manifest, null, 2));
    writeFileSync(
      join(work, "package-lock.json"),
      JSON.stringify(seedLockfile(rootLock, serviceDir, manifest), null, 2),
    );
    writePackageLock(work, `the lockfile of ${serviceDir}`);
    return readFileSync(join(work, "package-lock.json"), "utf8");
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
