import type { ChangeAction, ReplaceOrder } from "./change-action";
import type { ModuleGroup } from "./module-groups";

/** One planned resource change, ready to report. */
export interface ResourceChange {
  readonly address: string;
  readonly type: string;
  readonly mode: "managed" | "data";
  /** The construct that declared it (`<stack>/<module>/...`), when the configuration records it. */
  readonly constructPath?: string;
  readonly group: ModuleGroup;
  readonly action: ChangeAction;
  /** For a replacement: whether the new object is created before the old one is destroyed. */
  readonly replaceOrder?: ReplaceOrder;
  /** Terraform's reason for the action, e.g. `replace_because_cannot_update`. */
  readonly reason?: string;
  /** The attributes whose change forces the replacement, e.g. `name`, `tags.Name`. */
  readonly replacePaths: readonly string[];
  /** For an update or a replacement, the attributes that change (known after apply included). */
  readonly changedAttributes: readonly string[];
  /** The address in the prior state, when a `moved` block renamed it. */
  readonly previousAddress?: string;
  /** Set for a deposed object left over by an interrupted create-before-destroy. */
  readonly deposed?: string;
  /** Whether its type is one of the stateful resource types. */
  readonly stateful: boolean;
}
