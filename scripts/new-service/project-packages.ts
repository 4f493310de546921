import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Lockfile } from "../lockfiles/service-lockfile";
import type { PackageContext } from "./service-files";
import { TEMPLATE_PACKAGES } from "./service-files";
import { SHARED_BUILD_CONTEXTS } from "../../lib/shared-build-contexts";

const readJson = (path: string) => JSON.parse(readFileSync(path, "utf8"));

/** The folders the root package.json's workspaces name ("dir" and "dir/*" patterns). */
export function workspaceFolders(root: string): string[] {
  const patterns: string[] = readJson(join(root, "package.json")).workspaces ?? [];
  return patterns.flatMap((pattern) => {
    if (!pattern.endsWith("/*")) return [pattern];
    const parent = pattern.slice(0, -2);
    if (!existsSync(join(root, parent))) return [];
    return readdirSync(join(root, parent), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => `${parent}/${entry.name}`);
  });
}

/** The npm package name of every workspace. */
export function workspacePackages(root: string): string[] {
  return workspaceFolders(root)
    .filter((folder) => existsSync(join(root, folder, "package.json")))
    .map((folder) => readJson(join(root, folder, "package.json")).name as string);
}

/**
 * What the new service's package.json takes from the project: its package scope and the platform
 * package (from service-platform/package.json), license and engines (the root package.json), the
 * Node.js version its image runs (.nvmrc), and the version of each dependency the root lockfile
 * installs, which the tests run.
 */
export function packageContext(root: string, name: string): PackageContext {
  const rootPackage = readJson(join(root, "package.json"));
  const rootLock = readJson(join(root, "package-lock.json")) as Lockfile;
  const platform = readJson(join(root, SHARED_BUILD_CONTEXTS["service-platform"], "package.json"));
  const scope = String(platform.name).startsWith("@")
    ? `${String(platform.name).split("/")[0]}/`
    : "";
  const versions = Object.fromEntries(
    TEMPLATE_PACKAGES.flatMap((dependency) => {
      const version = rootLock.packages[`node_modules/${dependency}`]?.version;
      return version === undefined ? [] : [[dependency, version]];
    }),
  );
  return {
    packageName: `${scope}${name}`,
    versions,
    platform: { name: platform.name, version: platform.version },
    license: rootPackage.license,
    engines: rootPackage.engines,
    nodeVersion: readFileSync(join(root, ".nvmrc"), "utf8").trim(),
  };
}
