import { terraformEnv } from "../../../lib/terraform-cli/terraform-env";

const BASE = {
  PATH: "/usr/bin",
  HOME: "/root",
  TF_CLI_CONFIG_FILE: "/root/.terraformrc",
  TF_CLI_ARGS_plan: "-refresh=false",
  TF_DATA_DIR: "/elsewhere",
  TF_WORKSPACE: "staging",
  AWS_PROFILE: "production",
  AWS_ACCESS_KEY_ID: "AKIA...",
  AWS_ENDPOINT_URL_S3: "https://example.com",
};

describe("terraformEnv", () => {
  it("names our CLI configuration and turns off version checks and prompts", () => {
    const env = terraformEnv({ cliConfigFile: "/p/.terraform-cli/terraform.rc", base: BASE });
    expect(env).toMatchObject({
      TF_CLI_CONFIG_FILE: "/p/.terraform-cli/terraform.rc",
      CHECKPOINT_DISABLE: "1",
      TF_IN_AUTOMATION: "1",
      TF_INPUT: "0",
      PATH: "/usr/bin",
    });
  });

  it("drops variables that would change what terraform runs against", () => {
    const env = terraformEnv({ cliConfigFile: "/rc", base: BASE });
    expect(env.TF_CLI_ARGS_plan).toBeUndefined();
    expect(env.TF_DATA_DIR).toBeUndefined();
    expect(env.TF_WORKSPACE).toBeUndefined();
    expect(env.AWS_PROFILE).toBe("production");
  });

  it("keeps every AWS variable out of offline runs", () => {
    const env = terraformEnv({ cliConfigFile: "/rc", base: BASE, offline: true });
    expect(Object.keys(env).filter((k) => k.startsWith("AWS_"))).toEqual([
      "AWS_EC2_METADATA_DISABLED",
    ]);
  });
});
