/** What a plan does to one resource instance. */
export type ChangeAction = "replace" | "delete" | "update" | "create" | "read" | "forget" | "no-op";

/** The order of a replacement's two steps (`lifecycle.create_before_destroy` picks the first). */
export type ReplaceOrder = "create-before-destroy" | "delete-before-create";

/** Every action, those that need attention first: the order in which changes are listed. */
export const ACTIONS_BY_ATTENTION: readonly ChangeAction[] = [
  "replace",
  "delete",
  "update",
  "create",
  "read",
  "forget",
  "no-op",
];

export interface ClassifiedAction {
  readonly action: ChangeAction;
  readonly replaceOrder?: ReplaceOrder;
}

const SINGLE_ACTIONS = new Set<string>(["no-op", "create", "read", "update", "delete", "forget"]);

/** Terraform's `change.actions` list as one action, with the order of a replacement's steps. */
export function classifyActions(actions: readonly string[]): ClassifiedAction {
  const [first, second] = actions;
  if (actions.length === 1 && first !== undefined && SINGLE_ACTIONS.has(first)) {
    return { action: first as ChangeAction };
  }
  if (actions.length === 2 && first === "delete" && second === "create") {
    return { action: "replace", replaceOrder: "delete-before-create" };
  }
  if (actions.length === 2 && first === "create" && second === "delete") {
    return { action: "replace", replaceOrder: "create-before-destroy" };
  }
  throw new Error(
    `Unknown plan actions ${JSON.stringify(actions)}: expected one of no-op, create, read, update, ` +
      `delete, forget, or a replacement (["delete","create"] or ["create","delete"]); ` +
      `is the plan from a newer Terraform?`,
  );
}

/** Whether the action removes the existing object (a destroy, or the old half of a replacement). */
export function removesExistingObject(action: ChangeAction): boolean {
  return action === "delete" || action === "replace";
}
