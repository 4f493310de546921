import { formatProviderAddress, parseProviderSource } from "../terraform-cli/provider-source";
import type { OfflineCredentials } from "./offline-credentials";
import { providerBlocks, type StackConfig } from "./synthesized-stack";

/** The name Terraform gives an override file it merges over a working directory's configuration. */
export const OFFLINE_OVERRIDE_FILE = "offline_override.tf.json";

const AWS_PROVIDER = "registry.terraform.io/hashicorp/aws";

/**
 * What lets the AWS provider plan without an account: no STS call to check the keys or find the
 * account, no EC2 metadata lookup, no check of the region against AWS's live list.
 */
export const OFFLINE_PROVIDER_FLAGS = {
  skip_credentials_validation: true,
  skip_requesting_account_id: true,
  skip_metadata_api_check: true,
  skip_region_validation: true,
} as const;

/**
 * Account restrictions cannot be checked without asking AWS which account the keys belong to;
 * offline, Terraform would refuse every plan ("AWS account ID not allowed"). Null removes them.
 */
const ACCOUNT_RESTRICTIONS = ["allowed_account_ids", "forbidden_account_ids"] as const;

type Block = Record<string, unknown>;

/** An override file's content: Terraform merges it block by block over the configuration. */
export interface OverrideFile {
  readonly provider?: Readonly<Record<string, readonly Block[]>>;
  readonly terraform?: { readonly backend: Readonly<Record<string, Block>> };
}

/** The local names under which a configuration uses hashicorp/aws (normally just `aws`). */
function awsLocalNames(config: StackConfig): string[] {
  const required = Object.entries(config.terraform?.required_providers ?? {}).filter(
    ([name, entry]) => {
      const source = typeof entry === "string" ? name : (entry.source ?? name);
      return formatProviderAddress(parseProviderSource(source)) === AWS_PROVIDER;
    },
  );
  const names = new Set(required.map(([name]) => name));
  if (
    config.provider?.aws !== undefined &&
    config.terraform?.required_providers?.aws === undefined
  ) {
    names.add("aws");
  }
  return [...names];
}

function withoutAccountRestrictions(block: Readonly<Record<string, unknown>>): Block {
  const lifted: Block = {};
  for (const name of ACCOUNT_RESTRICTIONS) if (block[name] !== undefined) lifted[name] = null;
  return lifted;
}

/**
 * The override that lets a synthesized stack plan offline: every AWS provider block, matched by
 * alias, gets stand-in keys and the skip flags; an S3 backend with account restrictions is
 * restated without them. Nothing else changes, and the synthesized files are never touched.
 */
export function offlineOverride(
  config: StackConfig,
  credentials: OfflineCredentials,
): OverrideFile {
  const provider: Record<string, Block[]> = {};
  for (const name of awsLocalNames(config)) {
    provider[name] = providerBlocks(config, name).map((block) => ({
      ...(block.alias === undefined ? {} : { alias: block.alias }),
      access_key: credentials.accessKey,
      secret_key: credentials.secretKey,
      ...OFFLINE_PROVIDER_FLAGS,
      ...withoutAccountRestrictions(block),
    }));
  }
  const override: { provider?: Record<string, Block[]>; terraform?: OverrideFile["terraform"] } =
    {};
  if (Object.values(provider).some((blocks) => blocks.length > 0)) override.provider = provider;

  // An override replaces a backend block whole, so the restated block keeps everything else.
  const s3 = config.terraform?.backend?.s3;
  if (s3 !== undefined && ACCOUNT_RESTRICTIONS.some((name) => s3[name] !== undefined)) {
    const restated: Block = { ...s3 };
    for (const name of ACCOUNT_RESTRICTIONS) delete restated[name];
    override.terraform = { backend: { s3: restated } };
  }
  return override;
}
