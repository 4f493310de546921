import {
  formatProviderAddress,
  parseProviderSource,
  type ProviderAddress,
} from "./provider-source";

/** One provider a configuration needs: where it comes from and which versions will do. */
export interface ProviderRequirement {
  readonly address: ProviderAddress;
  /** A Terraform version constraint such as `5.100.0` or `~> 5.0`; empty allows any version. */
  readonly versionConstraint: string;
}

/** A `required_providers` entry as it appears in JSON configuration: an object, or a bare constraint. */
export type RequiredProviderEntry =
  string | { readonly source?: string; readonly version?: string };

/**
 * The providers a `terraform.required_providers` block asks for. An entry without a source means
 * `hashicorp/<local name>`, as in Terraform.
 */
export function providerRequirements(
  requiredProviders: Readonly<Record<string, RequiredProviderEntry>> | undefined,
): ProviderRequirement[] {
  return Object.entries(requiredProviders ?? {}).map(([localName, entry]) => {
    const spec = typeof entry === "string" ? { version: entry } : entry;
    return {
      address: parseProviderSource(spec.source ?? localName),
      versionConstraint: spec.version ?? "",
    };
  });
}

/**
 * Merges the requirements of several configurations: one entry per provider, whose constraint is
 * every constraint that named it (a version must satisfy all the stacks that use it).
 */
export function mergeProviderRequirements(
  requirements: readonly ProviderRequirement[],
): ProviderRequirement[] {
  const merged = new Map<string, { address: ProviderAddress; constraints: Set<string> }>();
  for (const requirement of requirements) {
    const key = formatProviderAddress(requirement.address);
    const entry = merged.get(key) ?? { address: requirement.address, constraints: new Set() };
    if (requirement.versionConstraint.trim() !== "") {
      entry.constraints.add(requirement.versionConstraint.trim());
    }
    merged.set(key, entry);
  }
  return [...merged.values()].map(({ address, constraints }) => ({
    address,
    versionConstraint: [...constraints].join(", "),
  }));
}
