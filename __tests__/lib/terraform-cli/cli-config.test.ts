import { renderCliConfig } from "../../../lib/terraform-cli/cli-config";
import { providerRequirements } from "../../../lib/terraform-cli/provider-requirements";

describe("renderCliConfig", () => {
  it("quotes paths so that HCL reads them literally", () => {
    const text = renderCliConfig({
      lookup: {
        mirrors: [
          {
            path: '/odd "dir"/${HOME}/%{x}\\',
            providers: providerRequirements({ aws: { source: "aws" } }),
          },
        ],
        direct: [],
        searchedFilesystem: false,
      },
    });
    expect(text).toContain('path    = "/odd \\"dir\\"/$${HOME}/%%{x}\\\\"');
  });

  it("gives each mirror its own block and excludes all mirrored providers from direct", () => {
    const text = renderCliConfig({
      lookup: {
        mirrors: [
          { path: "/a", providers: providerRequirements({ aws: { source: "aws" } }) },
          { path: "/b", providers: providerRequirements({ random: { source: "random" } }) },
        ],
        direct: [],
        searchedFilesystem: true,
      },
    });
    expect(text.match(/filesystem_mirror \{/g)).toHaveLength(2);
    expect(text).toContain(
      'exclude = ["registry.terraform.io/hashicorp/aws", "registry.terraform.io/hashicorp/random"]',
    );
  });
});
