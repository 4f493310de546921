import { existsSync, readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import type { SynthesizedConfig } from "../plan-analysis/construct-paths";
import type { RequiredProviderEntry } from "../terraform-cli/provider-requirements";

/** A provider configuration block of a synthesized stack; `alias` tells apart blocks of one type. */
export type ProviderBlock = Readonly<Record<string, unknown>> & { readonly alias?: string };

/** The parts of a synthesized `cdk.tf.json` that running it offline and reporting on it read. */
export interface StackConfig extends SynthesizedConfig {
  readonly terraform?: {
    readonly backend?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
    readonly required_providers?: Readonly<Record<string, RequiredProviderEntry>>;
  };
  /** In JSON configuration each provider type maps to one block or a list of blocks. */
  readonly provider?: Readonly<Record<string, ProviderBlock | readonly ProviderBlock[]>>;
}

export interface SynthesizedStack {
  readonly name: string;
  /** The stack's folder in the synthesis output (absolute). */
  readonly directory: string;
  /** The same folder relative to the synthesis output, e.g. `stacks/dev`. */
  readonly relativeDirectory: string;
  /** The configuration file's name inside `directory`, e.g. `cdk.tf.json`. */
  readonly configFile: string;
  readonly config: StackConfig;
}

interface Manifest {
  readonly stacks: Readonly<
    Record<string, { readonly workingDirectory: string; readonly synthesizedStackPath: string }>
  >;
}

/** The stacks of a synthesis output folder (cdktf.out), in manifest order. */
export function readSynthesizedStacks(outdir: string): SynthesizedStack[] {
  const manifestPath = join(outdir, "manifest.json");
  if (!existsSync(manifestPath)) {
    throw new Error(`${manifestPath} not found: synthesize first (npm run synth).`);
  }
  const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as Manifest;
  return Object.entries(manifest.stacks).map(([name, entry]) => {
    const directory = resolve(outdir, entry.workingDirectory);
    const configPath = resolve(outdir, entry.synthesizedStackPath);
    return {
      name,
      directory,
      relativeDirectory: entry.workingDirectory,
      configFile: relative(directory, configPath),
      config: JSON.parse(readFileSync(configPath, "utf8")) as StackConfig,
    };
  });
}

/** Every block of one provider type, whether the JSON holds a single block or a list. */
export function providerBlocks(config: StackConfig, type: string): readonly ProviderBlock[] {
  const blocks = config.provider?.[type];
  if (blocks === undefined) return [];
  return Array.isArray(blocks) ? blocks : [blocks as ProviderBlock];
}
