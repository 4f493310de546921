import type { MirrorLookup } from "./mirror-location";
import { formatProviderAddress } from "./provider-source";

/** What a Terraform CLI configuration file says about installing providers. */
export interface CliConfigSettings {
  readonly lookup: MirrorLookup;
  /** Where Terraform keeps one copy of each provider, linked into every working directory. */
  readonly pluginCacheDir?: string;
}

/** A quoted HCL string: JSON escapes, plus `${` and `%{`, which HCL would read as templates. */
function hclString(value: string): string {
  return JSON.stringify(value).replace(/([$%])\{/g, (_, sigil: string) => `${sigil}${sigil}{`);
}

function hclList(values: readonly string[]): string {
  return `[${values.map(hclString).join(", ")}]`;
}

/**
 * The text of a Terraform CLI configuration (terraform.rc): each mirrored provider installs from
 * its filesystem mirror only, everything else from its registry. With no mirror at all, every
 * provider installs from its registry.
 */
export function renderCliConfig(settings: CliConfigSettings): string {
  const lines = ["# Written by lib/terraform-cli (npm run terraform-cli-config): do not edit."];
  if (settings.pluginCacheDir !== undefined) {
    lines.push(`plugin_cache_dir = ${hclString(settings.pluginCacheDir)}`);
  }
  lines.push("provider_installation {");
  const mirrored: string[] = [];
  for (const mirror of settings.lookup.mirrors) {
    const include = mirror.providers.map((p) => formatProviderAddress(p.address));
    mirrored.push(...include);
    lines.push(
      "  filesystem_mirror {",
      `    path    = ${hclString(mirror.path)}`,
      `    include = ${hclList(include)}`,
      "  }",
    );
  }
  if (mirrored.length === 0) lines.push("  direct {}");
  else lines.push("  direct {", `    exclude = ${hclList(mirrored)}`, "  }");
  lines.push("}");
  return `${lines.join("\n")}\n`;
}
