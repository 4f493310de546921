import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import type { ProviderRequirement } from "./provider-requirements";
import type { ProviderAddress } from "./provider-source";
import { satisfiesConstraint } from "./version-constraint";

const TERRAFORM_OS: Readonly<Record<string, string>> = { win32: "windows" };
const TERRAFORM_ARCH: Readonly<Record<string, string>> = { x64: "amd64", ia32: "386" };

/** Terraform's name for a machine's OS and CPU, such as `linux_amd64` or `darwin_arm64`. */
export function terraformPlatform(
  platform: string = process.platform,
  arch: string = process.arch,
): string {
  return `${TERRAFORM_OS[platform] ?? platform}_${TERRAFORM_ARCH[arch] ?? arch}`;
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function listNames(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

/**
 * The versions of a provider that a filesystem mirror holds for one platform, in either of
 * Terraform's layouts: unpacked `HOST/NAMESPACE/TYPE/VERSION/PLATFORM/` or packed
 * `HOST/NAMESPACE/TYPE/terraform-provider-TYPE_VERSION_PLATFORM.zip`.
 */
export function mirroredVersions(
  mirrorDir: string,
  address: ProviderAddress,
  platform: string,
): string[] {
  const providerDir = join(mirrorDir, address.hostname, address.namespace, address.type);
  const packedPrefix = `terraform-provider-${address.type}_`;
  const packedSuffix = `_${platform}.zip`;
  const versions = new Set<string>();
  for (const name of listNames(providerDir)) {
    if (name.startsWith(packedPrefix) && name.endsWith(packedSuffix)) {
      versions.add(name.slice(packedPrefix.length, -packedSuffix.length));
    } else if (isDirectory(join(providerDir, name, platform))) {
      versions.add(name);
    }
  }
  return [...versions].sort();
}

/** Whether a mirror directory holds a version of the provider that meets the requirement. */
export function mirrorHolds(
  mirrorDir: string,
  requirement: ProviderRequirement,
  platform: string,
): boolean {
  if (!existsSync(mirrorDir)) return false;
  return mirroredVersions(mirrorDir, requirement.address, platform).some((version) =>
    satisfiesConstraint(version, requirement.versionConstraint),
  );
}
