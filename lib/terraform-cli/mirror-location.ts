import { readdirSync } from "node:fs";
import { delimiter, dirname, join } from "node:path";
import { mirrorHolds, mirroredVersions } from "./provider-mirror";
import type { ProviderRequirement } from "./provider-requirements";
import { formatProviderAddress } from "./provider-source";

/** Where to look for a provider filesystem mirror, and for which machine. */
export interface MirrorSearchOptions {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly home: string;
  /** Terraform platform such as `linux_amd64`. */
  readonly platform: string;
  /** The folder whose subfolders are tried as mirrors after the XDG places. @default "/opt" */
  readonly optDir?: string;
  /** Where the bounded search starts when no well-known place holds the providers. @default ["/"] */
  readonly searchRoots?: readonly string[];
  /** How deep below each search root a provider hostname folder may sit. @default 4 */
  readonly searchDepth?: number;
}

/** A mirror directory and the providers Terraform should install from it. */
export interface MirrorAssignment {
  readonly path: string;
  readonly providers: readonly ProviderRequirement[];
}

export interface MirrorLookup {
  readonly mirrors: readonly MirrorAssignment[];
  /** Providers no mirror holds at a suitable version: Terraform installs them from their registry. */
  readonly direct: readonly ProviderRequirement[];
  /** Whether the bounded filesystem search ran (well-known places did not hold everything). */
  readonly searchedFilesystem: boolean;
}

/** Folders never worth descending into: virtual filesystems, dependency trees, VCS metadata. */
const SKIPPED_FOLDERS = new Set(["/proc", "/sys", "/dev", "/run", "/tmp"]);
const SKIPPED_NAMES = new Set(["node_modules", ".git"]);

function subdirectories(dir: string): string[] {
  try {
    return readdirSync(dir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => join(dir, entry.name));
  } catch {
    return [];
  }
}

/**
 * The places Terraform itself treats as implied local mirrors on Unix, then every folder of /opt:
 * ~/.terraform.d/plugins, $XDG_DATA_HOME/terraform/plugins, each $XDG_DATA_DIRS/terraform/plugins.
 */
export function wellKnownMirrorDirs(
  env: Readonly<Record<string, string | undefined>>,
  home: string,
  optDir = "/opt",
): string[] {
  const dataHome = env.XDG_DATA_HOME || join(home, ".local", "share");
  const dataDirs = (env.XDG_DATA_DIRS || "/usr/local/share:/usr/share").split(delimiter);
  return [
    join(home, ".terraform.d", "plugins"),
    join(dataHome, "terraform", "plugins"),
    ...dataDirs.filter(Boolean).map((dir) => join(dir, "terraform", "plugins")),
    optDir,
    ...subdirectories(optDir),
  ];
}

/**
 * Mirror directories found by walking down from `roots` at most `depth` levels, looking for a
 * folder named after a provider hostname (its parent is the mirror), like
 * `find / -maxdepth 4 -name registry.terraform.io`. Symbolic links are not followed.
 */
export function searchMirrorDirs(
  roots: readonly string[],
  hostnames: ReadonlySet<string>,
  depth: number,
): string[] {
  const found: string[] = [];
  const walk = (dir: string, remaining: number): void => {
    for (const child of subdirectories(dir)) {
      const name = child.slice(child.lastIndexOf("/") + 1);
      if (SKIPPED_FOLDERS.has(child) || SKIPPED_NAMES.has(name)) continue;
      if (hostnames.has(name)) found.push(dirname(child));
      else if (remaining > 1) walk(child, remaining - 1);
    }
  };
  for (const root of roots) walk(root, depth);
  return [...new Set(found)];
}

function assign(
  requirements: readonly ProviderRequirement[],
  candidates: readonly string[],
  platform: string,
): { mirrors: MirrorAssignment[]; unassigned: ProviderRequirement[] } {
  const byPath = new Map<string, ProviderRequirement[]>();
  const unassigned: ProviderRequirement[] = [];
  for (const requirement of requirements) {
    const path = candidates.find((dir) => mirrorHolds(dir, requirement, platform));
    if (path === undefined) unassigned.push(requirement);
    else byPath.set(path, [...(byPath.get(path) ?? []), requirement]);
  }
  return { mirrors: [...byPath].map(([path, providers]) => ({ path, providers })), unassigned };
}

function describe(requirement: ProviderRequirement): string {
  const constraint = requirement.versionConstraint || "any version";
  return `${formatProviderAddress(requirement.address)} (${constraint})`;
}

/**
 * Finds the filesystem mirrors that hold the required providers for this platform.
 * TF_PLUGIN_MIRROR, when set, is the only place looked at and must hold every provider. Otherwise
 * the well-known places are tried first, then a bounded search of the filesystem; providers found
 * nowhere are left to the public registry.
 */
export function locateProviderMirrors(
  requirements: readonly ProviderRequirement[],
  options: MirrorSearchOptions,
): MirrorLookup {
  const override = options.env.TF_PLUGIN_MIRROR;
  if (override) {
    const { mirrors, unassigned } = assign(requirements, [override], options.platform);
    if (unassigned.length > 0) {
      const held = unassigned.map(
        (r) =>
          `${describe(r)}: holds [${mirroredVersions(override, r.address, options.platform).join(", ")}]`,
      );
      throw new Error(
        `TF_PLUGIN_MIRROR=${override} lacks providers for ${options.platform}: ${held.join("; ")}. ` +
          `Point it at a mirror that has them (terraform providers mirror DIR), or unset it.`,
      );
    }
    return { mirrors, direct: [], searchedFilesystem: false };
  }

  const known = assign(
    requirements,
    wellKnownMirrorDirs(options.env, options.home, options.optDir),
    options.platform,
  );
  if (known.unassigned.length === 0) {
    return { mirrors: known.mirrors, direct: [], searchedFilesystem: false };
  }
  const hostnames = new Set(known.unassigned.map((r) => r.address.hostname));
  const searched = searchMirrorDirs(
    options.searchRoots ?? ["/"],
    hostnames,
    options.searchDepth ?? 4,
  );
  // A place that already failed these providers cannot hold them now: no path is assigned twice.
  const found = assign(known.unassigned, searched, options.platform);
  const mirrors = [...known.mirrors, ...found.mirrors];
  return { mirrors, direct: found.unassigned, searchedFilesystem: true };
}
