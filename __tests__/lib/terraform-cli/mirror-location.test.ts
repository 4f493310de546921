import { join } from "node:path";
import { renderCliConfig } from "../../../lib/terraform-cli/cli-config";
import {
  locateProviderMirrors,
  type MirrorSearchOptions,
} from "../../../lib/terraform-cli/mirror-location";
import { mirroredVersions, terraformPlatform } from "../../../lib/terraform-cli/provider-mirror";
import { providerRequirements } from "../../../lib/terraform-cli/provider-requirements";
import { parseProviderSource } from "../../../lib/terraform-cli/provider-source";
import { layout, tempDir } from "../../support/temp-dir";

const AWS_5_100 = providerRequirements({ aws: { source: "aws", version: "5.100.0" } });
const AWS = parseProviderSource("aws");
const PLATFORM = "linux_amd64";

const unpacked = (version: string, platform = PLATFORM): string =>
  `registry.terraform.io/hashicorp/aws/${version}/${platform}/terraform-provider-aws_v${version}_x5`;
const packed = (version: string, platform = PLATFORM): string =>
  `registry.terraform.io/hashicorp/aws/terraform-provider-aws_${version}_${platform}.zip`;

/** A machine in a temp folder: its home, XDG data dirs, /opt and a disk to search. */
function fakeMachine(): { root: string; options: MirrorSearchOptions } {
  const root = tempDir("machine-");
  layout(root, ["home/", "share/", "opt/", "disk/"]);
  return {
    root,
    options: {
      env: { XDG_DATA_DIRS: join(root, "share") },
      home: join(root, "home"),
      platform: PLATFORM,
      optDir: join(root, "opt"),
      searchRoots: [join(root, "disk")],
      searchDepth: 4,
    },
  };
}

describe("terraformPlatform", () => {
  it("names platforms as Terraform does", () => {
    expect(terraformPlatform("linux", "x64")).toBe("linux_amd64");
    expect(terraformPlatform("darwin", "arm64")).toBe("darwin_arm64");
    expect(terraformPlatform("win32", "ia32")).toBe("windows_386");
  });
});

describe("mirroredVersions", () => {
  it("reads both mirror layouts, for the given platform only", () => {
    const { root } = fakeMachine();
    layout(root, [
      `m/${unpacked("5.100.0")}`,
      `m/${packed("5.99.0")}`,
      `m/${unpacked("5.98.0", "darwin_arm64")}`,
      `m/${packed("5.97.0", "darwin_arm64")}`,
    ]);
    expect(mirroredVersions(join(root, "m"), AWS, PLATFORM)).toEqual(["5.100.0", "5.99.0"]);
  });
});

describe("locateProviderMirrors", () => {
  it("finds a mirror in ~/.terraform.d/plugins and writes a config that installs from it only", () => {
    const { root, options } = fakeMachine();
    layout(root, [`home/.terraform.d/plugins/${unpacked("5.100.0")}`]);
    const lookup = locateProviderMirrors(AWS_5_100, options);

    const mirror = join(root, "home/.terraform.d/plugins");
    expect(lookup.mirrors.map((m) => m.path)).toEqual([mirror]);
    expect(lookup.direct).toEqual([]);
    expect(lookup.searchedFilesystem).toBe(false);
    expect(renderCliConfig({ lookup, pluginCacheDir: "/cache" })).toBe(
      [
        "# Written by lib/terraform-cli (npm run terraform-cli-config): do not edit.",
        'plugin_cache_dir = "/cache"',
        "provider_installation {",
        "  filesystem_mirror {",
        `    path    = "${mirror}"`,
        '    include = ["registry.terraform.io/hashicorp/aws"]',
        "  }",
        "  direct {",
        '    exclude = ["registry.terraform.io/hashicorp/aws"]',
        "  }",
        "}",
        "",
      ].join("\n"),
    );
  });

  it("finds a packed mirror among the folders of /opt", () => {
    const { root, options } = fakeMachine();
    layout(root, ["opt/other/README", `opt/tf-plugins/${packed("5.100.0")}`]);
    const lookup = locateProviderMirrors(AWS_5_100, options);
    expect(lookup.mirrors.map((m) => m.path)).toEqual([join(root, "opt/tf-plugins")]);
  });

  it("looks in the XDG data folders", () => {
    const { root, options } = fakeMachine();
    layout(root, [`share/terraform/plugins/${unpacked("5.100.0")}`]);
    const lookup = locateProviderMirrors(AWS_5_100, options);
    expect(lookup.mirrors.map((m) => m.path)).toEqual([join(root, "share/terraform/plugins")]);
  });

  it("passes over a mirror without the required version and keeps looking", () => {
    const { root, options } = fakeMachine();
    layout(root, [
      `home/.terraform.d/plugins/${unpacked("5.99.0")}`,
      `opt/plugins/${unpacked("5.100.0")}`,
    ]);
    const lookup = locateProviderMirrors(AWS_5_100, options);
    expect(lookup.mirrors.map((m) => m.path)).toEqual([join(root, "opt/plugins")]);
  });

  it("searches the filesystem, within the depth limit, when no well-known place has it", () => {
    const { root, options } = fakeMachine();
    layout(root, [`disk/srv/terraform/mirror/${unpacked("5.100.0")}`]);
    const lookup = locateProviderMirrors(AWS_5_100, options);
    expect(lookup.searchedFilesystem).toBe(true);
    expect(lookup.mirrors.map((m) => m.path)).toEqual([join(root, "disk/srv/terraform/mirror")]);

    const tooDeep = fakeMachine();
    layout(tooDeep.root, [`disk/a/b/c/d/mirror/${unpacked("5.100.0")}`]);
    expect(locateProviderMirrors(AWS_5_100, tooDeep.options).mirrors).toEqual([]);
  });

  it("skips dependency trees while searching", () => {
    const { root, options } = fakeMachine();
    layout(root, [`disk/node_modules/pkg/${unpacked("5.100.0")}`]);
    expect(locateProviderMirrors(AWS_5_100, options).mirrors).toEqual([]);
  });

  it("leaves the provider to the public registry when no mirror holds it", () => {
    const { root, options } = fakeMachine();
    layout(root, [`opt/plugins/${unpacked("5.100.0", "darwin_arm64")}`]);
    const lookup = locateProviderMirrors(AWS_5_100, options);
    expect(lookup.mirrors).toEqual([]);
    expect(lookup.direct).toEqual(AWS_5_100);
    expect(renderCliConfig({ lookup })).toBe(
      [
        "# Written by lib/terraform-cli (npm run terraform-cli-config): do not edit.",
        "provider_installation {",
        "  direct {}",
        "}",
        "",
      ].join("\n"),
    );
  });

  it("mirrors what it can and sends the rest to the registry", () => {
    const { root, options } = fakeMachine();
    layout(root, [`opt/plugins/${unpacked("5.100.0")}`]);
    const requirements = providerRequirements({
      aws: { source: "aws", version: "5.100.0" },
      random: { source: "hashicorp/random", version: "3.6.0" },
    });
    const lookup = locateProviderMirrors(requirements, options);
    expect(lookup.mirrors.map((m) => m.providers.map((p) => p.address.type))).toEqual([["aws"]]);
    expect(lookup.direct.map((p) => p.address.type)).toEqual(["random"]);
  });

  it("uses TF_PLUGIN_MIRROR alone when set", () => {
    const { root, options } = fakeMachine();
    layout(root, [`opt/plugins/${unpacked("5.100.0")}`, `custom/${packed("5.100.0")}`]);
    const lookup = locateProviderMirrors(AWS_5_100, {
      ...options,
      env: { ...options.env, TF_PLUGIN_MIRROR: join(root, "custom") },
    });
    expect(lookup.mirrors.map((m) => m.path)).toEqual([join(root, "custom")]);
  });

  it("refuses a TF_PLUGIN_MIRROR that lacks the provider, saying what it holds", () => {
    const { root, options } = fakeMachine();
    layout(root, [`custom/${unpacked("5.99.0")}`]);
    const env = { TF_PLUGIN_MIRROR: join(root, "custom") };
    expect(() => locateProviderMirrors(AWS_5_100, { ...options, env })).toThrow(
      `TF_PLUGIN_MIRROR=${join(root, "custom")} lacks providers for linux_amd64: ` +
        "registry.terraform.io/hashicorp/aws (5.100.0): holds [5.99.0]",
    );
  });
});
