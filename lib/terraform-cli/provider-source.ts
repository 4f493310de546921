/** A provider's fully qualified address, as Terraform resolves a `required_providers` source. */
export interface ProviderAddress {
  readonly hostname: string;
  readonly namespace: string;
  readonly type: string;
}

const DEFAULT_HOSTNAME = "registry.terraform.io";
const DEFAULT_NAMESPACE = "hashicorp";

/**
 * Resolves a source as Terraform does: `aws` and `hashicorp/aws` both mean
 * `registry.terraform.io/hashicorp/aws`; a three-part source is taken as written. Case-insensitive.
 */
export function parseProviderSource(source: string): ProviderAddress {
  const parts = source.trim().toLowerCase().split("/");
  if (parts.some((part) => part === "") || parts.length > 3) {
    throw new Error(
      `Invalid provider source ${JSON.stringify(source)}: expected TYPE, NAMESPACE/TYPE or HOSTNAME/NAMESPACE/TYPE.`,
    );
  }
  const [type, namespace = DEFAULT_NAMESPACE, hostname = DEFAULT_HOSTNAME] = parts.reverse();
  return { hostname, namespace, type: type as string };
}

/** `registry.terraform.io/hashicorp/aws`: the form CLI configuration `include`/`exclude` lists use. */
export function formatProviderAddress(address: ProviderAddress): string {
  return `${address.hostname}/${address.namespace}/${address.type}`;
}
