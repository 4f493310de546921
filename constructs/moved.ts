import { TerraformResource, TerraformStack } from "cdktf";
import { Construct, type IConstruct } from "constructs";

/**
 * `moved` blocks through the stack's public override, so a construct that now holds a resource
 * keeps the state it had at its former address. (cdktf's own `moveFromId` runs `terraform
 * version` in a child process on every synthesis to check for Terraform 1.5; the project requires
 * 1.10 anyway.)
 */
const movedBlocks = new WeakMap<TerraformStack, { from: string; to: string }[]>();

/** Tells Terraform that `resource` is the one recorded at address `from` in the state. */
export function declareMoved(resource: TerraformResource, from: string): void {
  const stack = TerraformStack.of(resource);
  const blocks = movedBlocks.get(stack) ?? [];
  blocks.push({ from, to: `${resource.terraformResourceType}.${resource.friendlyUniqueId}` });
  movedBlocks.set(stack, blocks);
  stack.addOverride("moved", blocks);
}

/**
 * The address a resource of `type` had at the construct path `path` below `scope`. The path stays
 * reserved (by empty constructs), so no new resource can take the old address while the move is
 * still to be applied somewhere.
 */
export function formerAddress(scope: IConstruct, path: readonly string[], type: string): string {
  let node: IConstruct = scope;
  for (const id of path) node = node.node.tryFindChild(id) ?? new Construct(node, id);
  if (TerraformResource.isTerraformResource(node)) {
    throw new Error(`${node.node.path} is in use: it cannot be the former address of a move`);
  }
  return `${type}.${TerraformStack.of(scope).getLogicalId(node.node)}`;
}

/**
 * Declares that every resource under `construct` used to live under the construct path
 * `formerScope` (ids from the stack down), so a deployed stack updates them in place instead of
 * destroying and recreating them.
 */
export function movedFrom(construct: IConstruct, formerScope: readonly string[]): void {
  const stack = TerraformStack.of(construct);
  const depth = construct.node.scopes.length;
  const resources = construct.node.findAll().filter(TerraformResource.isTerraformResource);
  for (const resource of resources) {
    const below = resource.node.scopes.slice(depth).map((scope) => scope.node.id);
    declareMoved(
      resource,
      formerAddress(stack, [...formerScope, ...below], resource.terraformResourceType),
    );
  }
}
