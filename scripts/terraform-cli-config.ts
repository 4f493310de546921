// `npm run terraform-cli-config`: synthesizes, locates a provider mirror holding the providers the
// stacks require, and writes .terraform-cli/terraform-<hash>.rc. Prints the line to use it in a shell:
//   eval "$(npm run --silent terraform-cli-config)"
import { resolve } from "node:path";
import { stackProviderRequirements } from "../lib/offline-plan/stack-requirements";
import { readSynthesizedStacks } from "../lib/offline-plan/synthesized-stack";
import { formatProviderAddress } from "../lib/terraform-cli/provider-source";
import { writeTerraformCliConfig } from "../lib/terraform-cli/write-cli-config";
import { synthesize } from "../main";
import { exitOnError } from "../stacks/error-report";

const root = process.cwd();
const outdir = resolve(root, process.env.CDKTF_OUTDIR ?? "cdktf.out");
exitOnError(() => {
  synthesize(root, outdir);
  const cli = writeTerraformCliConfig(
    root,
    stackProviderRequirements(readSynthesizedStacks(outdir)),
  );
  for (const mirror of cli.lookup.mirrors) {
    const providers = mirror.providers.map((p) =>
      `${formatProviderAddress(p.address)} ${p.versionConstraint}`.trim(),
    );
    console.error(`mirror ${mirror.path}: ${providers.join(", ")}`);
  }
  for (const provider of cli.lookup.direct) {
    console.error(`registry: ${formatProviderAddress(provider.address)} (no mirror holds it)`);
  }
  console.error(
    `mirror located in ${cli.mirrorSearchMs.toFixed(0)} ms` +
      (cli.lookup.searchedFilesystem ? " (searched the filesystem)" : ""),
  );
  console.log(`export TF_CLI_CONFIG_FILE=${JSON.stringify(cli.configFile)}`);
}, "no CLI configuration written");
