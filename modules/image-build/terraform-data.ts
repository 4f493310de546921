import { TerraformResource, type TerraformMetaArguments } from "cdktf";
import type { Construct } from "constructs";

export interface TerraformDataConfig extends TerraformMetaArguments {
  /** Values whose change replaces the resource, re-running its provisioners. */
  readonly triggersReplace: Readonly<Record<string, string>>;
}

/**
 * Terraform's built-in `terraform_data` resource. cdktf ships one (`DataResource`), but it adds a
 * validation that runs `terraform version` in a child process for every instance at synth time
 * (about 0.1 s each); this resource needs Terraform 1.4+, which the project requires anyway.
 */
export class TerraformData extends TerraformResource {
  private readonly triggersReplace: Readonly<Record<string, string>>;

  constructor(scope: Construct, id: string, config: TerraformDataConfig) {
    super(scope, id, { ...config, terraformResourceType: "terraform_data" });
    this.triggersReplace = config.triggersReplace;
  }

  protected override synthesizeAttributes(): Record<string, unknown> {
    return { triggers_replace: this.triggersReplace };
  }

  protected override synthesizeHclAttributes(): Record<string, unknown> {
    return {
      triggers_replace: {
        value: this.triggersReplace,
        isBlock: false,
        type: "map",
        storageClassType: "stringMap",
      },
    };
  }
}
