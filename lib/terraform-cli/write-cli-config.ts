import { createHash } from "node:crypto";
import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { join, resolve } from "node:path";
import { renderCliConfig } from "./cli-config";
import {
  locateProviderMirrors,
  type MirrorLookup,
  type MirrorSearchOptions,
} from "./mirror-location";
import { terraformPlatform } from "./provider-mirror";
import type { ProviderRequirement } from "./provider-requirements";

/** The project's Terraform CLI folder: configuration and plugin cache, never committed. */
export const CLI_CONFIG_DIR = ".terraform-cli";

export interface TerraformCli {
  /** The file to name in TF_CLI_CONFIG_FILE. */
  readonly configFile: string;
  readonly pluginCacheDir: string;
  /**
   * Held around every `terraform init` that may write the plugin cache, which is not safe for
   * concurrent writers (a cold cache entry is removed and rewritten by each installer).
   */
  readonly pluginCacheLock: string;
  readonly lookup: MirrorLookup;
  /** How long locating the mirror took, in milliseconds. */
  readonly mirrorSearchMs: number;
}

/**
 * Locates a provider mirror for `requirements` and writes `<root>/.terraform-cli/terraform-<hash>.rc`,
 * with a plugin cache beside it. The file is named after its content, so concurrent runs that need
 * different providers never replace each other's configuration, and written atomically, so no run
 * reads half a file.
 */
export function writeTerraformCliConfig(
  root: string,
  requirements: readonly ProviderRequirement[],
  search: Partial<MirrorSearchOptions> = {},
): TerraformCli {
  const dir = resolve(root, CLI_CONFIG_DIR);
  const pluginCacheDir = join(dir, "plugin-cache");
  mkdirSync(pluginCacheDir, { recursive: true });

  const started = performance.now();
  const lookup = locateProviderMirrors(requirements, {
    env: process.env,
    home: homedir(),
    platform: terraformPlatform(),
    ...search,
  });
  const mirrorSearchMs = performance.now() - started;

  const text = renderCliConfig({ lookup, pluginCacheDir });
  const configFile = join(
    dir,
    `terraform-${createHash("sha256").update(text).digest("hex").slice(0, 12)}.rc`,
  );
  const staging = `${configFile}.${process.pid}.tmp`;
  writeFileSync(staging, text);
  renameSync(staging, configFile);
  return {
    configFile,
    pluginCacheDir,
    pluginCacheLock: join(dir, "plugin-cache.lock"),
    lookup,
    mirrorSearchMs,
  };
}
