import { TerraformElement, TerraformResource } from "cdktf";
import { makeUniqueId } from "cdktf/lib/private/unique";
import type { IConstruct } from "constructs";

/**
 * A `moved` block: Terraform updates the resource found at `from` in the state in place, under
 * the resource's current address. (cdktf's own `moveFromId` makes every synthesis run `terraform
 * version` in a child process to check for 1.5+; the project requires 1.10+ anyway.)
 */
class MovedBlock extends TerraformElement {
  constructor(
    private readonly resource: TerraformResource,
    private readonly from: string,
  ) {
    super(resource, "moved-from");
  }

  private get to(): string {
    return `${this.resource.terraformResourceType}.${this.resource.friendlyUniqueId}`;
  }

  public override toTerraform(): Record<string, unknown> {
    return { moved: [{ to: this.to, from: this.from }] };
  }

  public override toHclTerraform(): Record<string, unknown> {
    const reference = (value: string) => ({
      value,
      isBlock: false,
      type: "simple",
      storageClassType: "reference",
    });
    return { moved: [{ to: reference(this.to), from: reference(this.from) }] };
  }
}

/**
 * Tells Terraform that every resource under `construct` used to live under the construct path
 * `formerScope` (ids from the stack down), so a deployed stack updates those resources in place
 * instead of destroying and recreating them: a `moved` block per resource, from the address cdktf
 * gave the former path (its own logical id scheme) to the current one.
 */
export function movedFrom(construct: IConstruct, formerScope: readonly string[]): void {
  const depth = construct.node.scopes.length;
  const resources = construct.node.findAll().filter(TerraformResource.isTerraformResource);
  for (const resource of resources) {
    const below = resource.node.scopes.slice(depth).map((scope) => scope.node.id);
    const former = `${resource.terraformResourceType}.${makeUniqueId([...formerScope, ...below])}`;
    new MovedBlock(resource, former);
  }
}
