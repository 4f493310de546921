/** An attribute path as `terraform show -json` gives it: object keys and list indexes. */
export type AttributePathSteps = readonly (string | number)[];

/** One entry of a plan's `resource_changes` (`terraform show -json <planfile>`). */
export interface ResourceChangeJson {
  readonly address: string;
  /** Set for resources inside a Terraform module call, e.g. `module.network`. */
  readonly module_address?: string;
  readonly mode: "managed" | "data";
  readonly type: string;
  readonly name: string;
  readonly index?: number | string;
  /** Set for a deposed object (left over by an interrupted create-before-destroy). */
  readonly deposed?: string;
  /** The address in the prior state, when a `moved` block renamed the resource. */
  readonly previous_address?: string;
  /** Why Terraform chose the action, e.g. `replace_because_cannot_update`. */
  readonly action_reason?: string;
  readonly change: {
    /** `["no-op"]`, `["create"]`, `["read"]`, `["update"]`, `["delete"]`, `["forget"]`, or a replacement: `["delete", "create"]` / `["create", "delete"]`. */
    readonly actions: readonly string[];
    readonly before?: unknown;
    readonly after?: unknown;
    /** Mirrors `after`, with `true` where the value is known only after apply. */
    readonly after_unknown?: unknown;
    /** The attributes whose change forces a replacement. */
    readonly replace_paths?: readonly AttributePathSteps[];
  };
}

/** The parts of `terraform show -json <planfile>` that the plan analysis reads. */
export interface PlanJson {
  readonly format_version?: string;
  readonly resource_changes?: readonly ResourceChangeJson[];
}
