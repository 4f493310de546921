import { TerraformStack } from "cdktf";
import { Construct } from "constructs";

/**
 * The Terraform address a resource of `type` had as the child `id` of `scope`, for a `moved` block
 * when a construct now holds it. The id stays reserved in `scope` (by an empty construct), so no
 * new resource can take the old address while the move is still to be applied somewhere.
 */
export function formerAddress(scope: Construct, id: string, type: string): string {
  const placeholder = new Construct(scope, id);
  return `${type}.${TerraformStack.of(scope).getLogicalId(placeholder.node)}`;
}
