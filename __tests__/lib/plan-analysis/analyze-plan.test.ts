// Plans written by hand in the shape `terraform show -json` records (format 1.2), with the
// construct-path metadata cdktf writes into cdk.tf.json.
import { analyzePlan, changesByAttention } from "../../../lib/plan-analysis/analyze-plan";
import type { SynthesizedConfig } from "../../../lib/plan-analysis/construct-paths";
import type { PlanJson, ResourceChangeJson } from "../../../lib/plan-analysis/plan-json";

const SERVICES = ["orders", "billing"];

const block = (path: string) => ({ "//": { metadata: { path, uniqueId: "x" } } });

const CONFIG: SynthesizedConfig = {
  resource: {
    aws_vpc: { vpc_vpc_D81A2F0B: block("dev/vpc/vpc") },
    aws_subnet: { vpc_subnet_5E4C6A11: block("dev/vpc/subnet") },
    aws_lb: { alb_lb_0C9B7E42: block("dev/alb/lb") },
    aws_ecs_service: {
      "ecs_service-orders_8F3A21D0": block("dev/ecs/service-orders"),
      "ecs_service-billing_77B0C3E9": block("dev/ecs/service-billing"),
    },
  },
  data: {
    aws_iam_policy_document: {
      "ecs_roles-orders_trust_A1B2C3D4": block("dev/ecs/roles-orders/trust"),
    },
  },
  module: { legacy: block("dev/legacy") },
};

function resourceChange(
  address: string,
  actions: string[],
  change: Partial<ResourceChangeJson["change"]> = {},
  extra: Partial<ResourceChangeJson> = {},
): ResourceChangeJson {
  const match = /^(data\.)?([^.]+)\.([^.[]+)/.exec(address.replace(/^module\.[^.]+\./, ""));
  return {
    address,
    mode: match?.[1] ? "data" : "managed",
    type: match?.[2] ?? "",
    name: match?.[3] ?? "",
    provider_name: "registry.terraform.io/hashicorp/aws",
    change: { actions, before: null, after: {}, after_unknown: {}, ...change },
    ...extra,
  } as ResourceChangeJson;
}

const PLAN: PlanJson = {
  format_version: "1.2",
  resource_changes: [
    resourceChange("aws_vpc.vpc_vpc_D81A2F0B", ["no-op"], {
      before: { cidr_block: "10.0.0.0/16" },
    }),
    resourceChange("aws_subnet.vpc_subnet_5E4C6A11[0]", ["create"], {
      after: { cidr_block: "10.0.0.0/20" },
    }),
    resourceChange(
      "aws_lb.alb_lb_0C9B7E42",
      ["delete", "create"],
      {
        before: { name: "shop-dev", internal: false, arn: "arn:aws:elasticloadbalancing:x" },
        after: { name: "store-dev", internal: false },
        after_unknown: { arn: true },
        replace_paths: [["name"]],
      },
      { action_reason: "replace_because_cannot_update" },
    ),
    resourceChange("aws_ecs_service.ecs_service-orders_8F3A21D0", ["update"], {
      before: { desired_count: 2, tags: { Team: "a" }, task_definition: "arn:td:1" },
      after: { desired_count: 3, tags: { Team: "a" }, task_definition: null },
      after_unknown: { task_definition: true, tags: {} },
    }),
    resourceChange(
      "aws_ecs_service.ecs_service-billing_77B0C3E9",
      ["create", "delete"],
      { before: { name: "billing" }, after: { name: "billing-v2" }, replace_paths: [["name"]] },
      { action_reason: "replace_because_cannot_update" },
    ),
    resourceChange(
      "aws_dynamodb_table.dynamodb-billing_table_2D4F6A8C",
      ["delete"],
      { before: { name: "shop-dev-billing" }, after: null },
      { action_reason: "delete_because_no_resource_config" },
    ),
    resourceChange(
      "data.aws_iam_policy_document.ecs_roles-orders_trust_A1B2C3D4",
      ["read"],
      {},
      { action_reason: "read_because_config_unknown" },
    ),
    resourceChange(
      "module.legacy.aws_s3_bucket.logs",
      ["create"],
      {},
      { module_address: "module.legacy" },
    ),
    resourceChange("aws_sqs_queue.added_by_hand", ["create"]),
  ],
};

describe("analyzePlan on a plan written in Terraform's JSON shape", () => {
  const analysis = analyzePlan(PLAN, { config: CONFIG, services: SERVICES });
  const change = (address: string) => {
    const found = analysis.changes.find((c) => c.address === address);
    if (found === undefined) throw new Error(`no change for ${address}`);
    return found;
  };

  it("keeps every resource change, in Terraform's order", () => {
    expect(analysis.changes.map((c) => [c.address, c.action])).toEqual([
      ["aws_vpc.vpc_vpc_D81A2F0B", "no-op"],
      ["aws_subnet.vpc_subnet_5E4C6A11[0]", "create"],
      ["aws_lb.alb_lb_0C9B7E42", "replace"],
      ["aws_ecs_service.ecs_service-orders_8F3A21D0", "update"],
      ["aws_ecs_service.ecs_service-billing_77B0C3E9", "replace"],
      ["aws_dynamodb_table.dynamodb-billing_table_2D4F6A8C", "delete"],
      ["data.aws_iam_policy_document.ecs_roles-orders_trust_A1B2C3D4", "read"],
      ["module.legacy.aws_s3_bucket.logs", "create"],
      ["aws_sqs_queue.added_by_hand", "create"],
    ]);
  });

  it("describes a replacement: its order, Terraform's reason, the forcing and the changed attributes", () => {
    expect(change("aws_lb.alb_lb_0C9B7E42")).toEqual({
      address: "aws_lb.alb_lb_0C9B7E42",
      type: "aws_lb",
      mode: "managed",
      constructPath: "dev/alb/lb",
      group: { module: "alb", label: "alb" },
      action: "replace",
      replaceOrder: "delete-before-create",
      reason: "replace_because_cannot_update",
      replacePaths: ["name"],
      changedAttributes: ["arn", "name"],
      previousAddress: undefined,
      deposed: undefined,
      stateful: true,
    });
    expect(change("aws_ecs_service.ecs_service-billing_77B0C3E9")).toMatchObject({
      replaceOrder: "create-before-destroy",
      group: { module: "ecs", service: "billing", label: "ecs/billing" },
      stateful: false,
    });
  });

  it("lists the attributes an update changes, values known after apply included", () => {
    expect(change("aws_ecs_service.ecs_service-orders_8F3A21D0")).toMatchObject({
      action: "update",
      group: { label: "ecs/orders" },
      changedAttributes: ["desired_count", "task_definition"],
      replacePaths: [],
    });
  });

  it("keeps Terraform's reason for a destroy and a read, and changes no attribute for them", () => {
    expect(change("aws_dynamodb_table.dynamodb-billing_table_2D4F6A8C")).toMatchObject({
      reason: "delete_because_no_resource_config",
      group: { module: "dynamodb-billing", service: "billing", label: "dynamodb-billing" },
      changedAttributes: [],
      stateful: true,
    });
    expect(change("data.aws_iam_policy_document.ecs_roles-orders_trust_A1B2C3D4")).toMatchObject({
      mode: "data",
      reason: "read_because_config_unknown",
      constructPath: "dev/ecs/roles-orders/trust",
      group: { label: "ecs/orders" },
    });
  });

  it("groups a module call's resources under the call", () => {
    expect(change("module.legacy.aws_s3_bucket.logs")).toMatchObject({
      constructPath: "dev/legacy",
      group: { label: "legacy" },
    });
  });

  it("groups a resource the configuration no longer holds by the construct ids in its name", () => {
    expect(change("aws_dynamodb_table.dynamodb-billing_table_2D4F6A8C")).toMatchObject({
      constructPath: undefined,
      group: { module: "dynamodb-billing", service: "billing", label: "dynamodb-billing" },
    });
    expect(change("aws_sqs_queue.added_by_hand")).toMatchObject({
      constructPath: undefined,
      group: { module: "added_by_hand", label: "added_by_hand" },
    });
  });

  it("counts each group's actions, those that need attention first", () => {
    expect(analysis.groups.map((g) => [g.group.label, g.counts])).toEqual([
      ["added_by_hand", { create: 1 }],
      ["alb", { replace: 1 }],
      ["dynamodb-billing", { delete: 1 }],
      ["ecs/billing", { replace: 1 }],
      ["ecs/orders", { update: 1, read: 1 }],
      ["legacy", { create: 1 }],
      ["vpc", { "no-op": 1, create: 1 }],
    ]);
    const ecsOrders = analysis.groups.find((g) => g.group.label === "ecs/orders");
    expect(Object.keys(ecsOrders?.counts ?? {})).toEqual(["update", "read"]);
    const vpc = analysis.groups.find((g) => g.group.label === "vpc");
    expect(Object.keys(vpc?.counts ?? {})).toEqual(["create", "no-op"]);
  });

  it("lists replacements and destructions first, leaving out no-ops", () => {
    expect(changesByAttention(analysis.changes).map((c) => c.address)).toEqual([
      "aws_lb.alb_lb_0C9B7E42",
      "aws_ecs_service.ecs_service-billing_77B0C3E9",
      "aws_dynamodb_table.dynamodb-billing_table_2D4F6A8C",
      "aws_ecs_service.ecs_service-orders_8F3A21D0",
      "aws_sqs_queue.added_by_hand",
      "module.legacy.aws_s3_bucket.logs",
      "aws_subnet.vpc_subnet_5E4C6A11[0]",
      "data.aws_iam_policy_document.ecs_roles-orders_trust_A1B2C3D4",
    ]);
  });

  it("reads a plan without resource changes as empty", () => {
    expect(analyzePlan({ format_version: "1.2" }, { config: {}, services: [] })).toEqual({
      changes: [],
      groups: [],
    });
  });
});
