import { randomUUID } from "node:crypto";

/** The parts of `terraform show -json <planfile>` a seeded state is made from. */
export interface PlanValues {
  readonly terraform_version: string;
  readonly planned_values: {
    readonly root_module: {
      readonly resources?: readonly {
        readonly address: string;
        readonly mode: string;
        readonly type: string;
        readonly name: string;
        readonly provider_name: string;
        readonly schema_version: number;
        readonly values?: Readonly<Record<string, unknown>>;
      }[];
    };
  };
}

/**
 * A state file (format 4) holding the managed resources of a plan that `pick` selects, as an apply of that
 * plan would have recorded them: with the values Terraform planned. Of the values known only after
 * apply, only `id` is set: to the resource's name, as AWS does for tables and buckets.
 */
export function stateFromPlan(
  plan: PlanValues,
  pick: (resource: { readonly type: string; readonly address: string }) => boolean,
): object {
  const resources = (plan.planned_values.root_module.resources ?? []).filter(
    (resource) => resource.mode === "managed" && pick(resource),
  );
  if (resources.length === 0) throw new Error("stateFromPlan: the plan has no such resource");
  return {
    version: 4,
    terraform_version: plan.terraform_version,
    serial: 1,
    lineage: randomUUID(),
    outputs: {},
    resources: resources.map((resource) => ({
      mode: resource.mode,
      type: resource.type,
      name: resource.name,
      provider: `provider["${resource.provider_name}"]`,
      instances: [
        {
          schema_version: resource.schema_version,
          attributes: { ...resource.values, id: resource.values?.name ?? resource.name },
          sensitive_attributes: [],
        },
      ],
    })),
  };
}
