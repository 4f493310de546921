import {
  mergeProviderRequirements,
  providerRequirements,
} from "../../../lib/terraform-cli/provider-requirements";
import {
  formatProviderAddress,
  parseProviderSource,
} from "../../../lib/terraform-cli/provider-source";

describe("parseProviderSource", () => {
  it.each([
    ["aws", "registry.terraform.io/hashicorp/aws"],
    ["hashicorp/aws", "registry.terraform.io/hashicorp/aws"],
    ["Registry.Terraform.io/HashiCorp/AWS", "registry.terraform.io/hashicorp/aws"],
    ["example.com/acme/widget", "example.com/acme/widget"],
  ])("resolves %s to %s, as Terraform does", (source, address) => {
    expect(formatProviderAddress(parseProviderSource(source))).toBe(address);
  });

  it.each(["", "a//b", "a/b/c/d"])("rejects %j with the accepted forms", (source) => {
    expect(() => parseProviderSource(source)).toThrow(
      "expected TYPE, NAMESPACE/TYPE or HOSTNAME/NAMESPACE/TYPE",
    );
  });
});

describe("providerRequirements", () => {
  it("reads source and version of each entry, as cdktf synthesizes them", () => {
    const requirements = providerRequirements({
      aws: { source: "aws", version: "5.100.0" },
      random: { version: "~> 3.0" },
      null: "3.2.0",
    });
    expect(
      requirements.map((r) => [formatProviderAddress(r.address), r.versionConstraint]),
    ).toEqual([
      ["registry.terraform.io/hashicorp/aws", "5.100.0"],
      ["registry.terraform.io/hashicorp/random", "~> 3.0"],
      ["registry.terraform.io/hashicorp/null", "3.2.0"],
    ]);
  });

  it("finds nothing in a configuration without required providers", () => {
    expect(providerRequirements(undefined)).toEqual([]);
  });
});

describe("mergeProviderRequirements", () => {
  it("keeps one entry per provider with every stack's constraint", () => {
    const merged = mergeProviderRequirements([
      ...providerRequirements({ aws: { source: "aws", version: "5.100.0" } }),
      ...providerRequirements({ aws: { source: "hashicorp/aws", version: ">= 5.0" } }),
      ...providerRequirements({ aws: { source: "aws", version: "5.100.0" } }),
    ]);
    expect(merged).toHaveLength(1);
    expect(merged[0]?.versionConstraint).toBe("5.100.0, >= 5.0");
  });
});
