import { createHash, type Hash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { DockerIgnore } from "./dockerignore";

/** Never build input: walked past even without a .dockerignore. */
const NEVER_CONTEXT = new Set([".git"]);
/** Skipped when a service has no .dockerignore: build output and installed dependencies. */
const DEFAULT_IGNORED_DIRECTORIES = new Set(["node_modules", "dist", "coverage"]);
/** Docker reads these two whatever .dockerignore says. */
const ALWAYS_READ = new Set(["Dockerfile", ".dockerignore"]);

export interface ImageTagOptions {
  /** The `docker build --platform` the image is built for: another platform is another image. */
  readonly platform?: string;
  /** The named build contexts the image is built with (`--build-context`): name to folder. */
  readonly namedContexts?: Readonly<Record<string, string>>;
}

/** Relative "/"-separated paths of the files a build context holds, in a stable order. */
function contextFiles(contextDir: string): string[] {
  const ignoreFile = join(contextDir, ".dockerignore");
  const rules = existsSync(ignoreFile)
    ? new DockerIgnore(readFileSync(ignoreFile, "utf8"))
    : undefined;
  const walk = (relativeDir: string): string[] =>
    readdirSync(join(contextDir, relativeDir), { withFileTypes: true }).flatMap((entry) => {
      const path = relativeDir === "" ? entry.name : `${relativeDir}/${entry.name}`;
      if (entry.isDirectory()) {
        if (NEVER_CONTEXT.has(entry.name)) return [];
        const walkIt = rules
          ? rules.mayKeepBelow(path)
          : !DEFAULT_IGNORED_DIRECTORIES.has(entry.name);
        return walkIt ? walk(path) : [];
      }
      if (!entry.isFile()) return [];
      const kept = relativeDir === "" && ALWAYS_READ.has(entry.name) ? true : !rules?.ignores(path);
      return kept ? [path] : [];
    });
  return walk("").sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

function hashContext(hash: Hash, contextDir: string): void {
  for (const name of contextFiles(contextDir)) {
    hash.update(`${name}\0`);
    hash.update(readFileSync(join(contextDir, name)));
    hash.update("\0");
  }
}

/**
 * The image tag of a service: a hash of what `docker build` reads from its folder (the Dockerfile,
 * .dockerignore and every file the .dockerignore lets into the context: source, package.json,
 * lockfile), from each named build context (the same way, by its own .dockerignore) and of the
 * target platform. It changes when, and only when, one of those changes, whatever the machine or
 * checkout path: editing a README or the manifest that the context leaves out keeps the tag.
 */
export function imageTag(serviceDir: string, options: ImageTagOptions = {}): string {
  const hash = createHash("sha256");
  if (options.platform !== undefined) hash.update(`platform:${options.platform}\0`);
  hashContext(hash, serviceDir);
  const named = options.namedContexts ?? {};
  for (const name of Object.keys(named).sort()) {
    hash.update(`context:${name}\0`);
    hashContext(hash, named[name]);
  }
  return hash.digest("hex").slice(0, 16);
}
