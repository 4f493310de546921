/**
 * Variables that would make a run depend on the caller's shell rather than on the project: extra
 * CLI arguments, another data directory or workspace.
 */
const TERRAFORM_OVERRIDES = /^(TF_CLI_ARGS(_.*)?|TF_DATA_DIR|TF_WORKSPACE)$/;

/** Every AWS variable: credentials, profiles and endpoint overrides must not reach offline runs. */
const AWS_SETTINGS = /^AWS_/;

export interface TerraformEnvOptions {
  /** The CLI configuration file to use (TF_CLI_CONFIG_FILE). */
  readonly cliConfigFile: string;
  /** Drop every AWS_* variable and turn off the EC2 metadata service lookup. @default false */
  readonly offline?: boolean;
  /** The environment to start from. @default process.env */
  readonly base?: Readonly<Record<string, string | undefined>>;
}

/**
 * The environment for running terraform from this project: our CLI configuration, no version
 * check, no prompts, automation-friendly output. Pass `-no-color` on the command line too:
 * Terraform has no variable for it.
 */
export function terraformEnv(options: TerraformEnvOptions): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(options.base ?? process.env)) {
    if (value === undefined || TERRAFORM_OVERRIDES.test(key)) continue;
    if (options.offline && AWS_SETTINGS.test(key)) continue;
    env[key] = value;
  }
  env.TF_CLI_CONFIG_FILE = options.cliConfigFile;
  env.CHECKPOINT_DISABLE = "1";
  env.TF_IN_AUTOMATION = "1";
  env.TF_INPUT = "0";
  env.NO_COLOR = "1";
  if (options.offline) env.AWS_EC2_METADATA_DISABLED = "true";
  return env;
}
