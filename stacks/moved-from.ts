import { TerraformResource, TerraformStack } from "cdktf";
import { makeUniqueId } from "cdktf/lib/private/unique";
import type { IConstruct } from "constructs";

/**
 * Tells Terraform that every resource under `construct` used to live under the construct path
 * `formerScope` (ids from the stack down), so a deployed stack updates those resources in place
 * instead of destroying and recreating them: a `moved` block per resource, from the address cdktf
 * gave the former path (its own logical id scheme) to the current one.
 */
export function movedFrom(construct: IConstruct, formerScope: readonly string[]): void {
  const depth = construct.node.scopes.length;
  for (const child of construct.node.findAll()) {
    if (!TerraformResource.isTerraformResource(child)) continue;
    const below = child.node.scopes.slice(depth).map((scope) => scope.node.id);
    const former = makeUniqueId([...formerScope, ...below]);
    if (former === TerraformStack.of(child).getLogicalId(child)) continue;
    child.moveFromId(`${child.terraformResourceType}.${former}`);
  }
}
