import type { OfflineStackPlan } from "../../../lib/offline-plan/plan-stack";
import { painter } from "../../../lib/plan-command/color";
import { planOutcome } from "../../../lib/plan-command/exit-codes";
import { planDocument } from "../../../lib/plan-command/json-report";
import { stackReport, type StackReportOptions } from "../../../lib/plan-command/stack-report";
import { renderProblem, renderStackReport } from "../../../lib/plan-command/text-report";
import type { ResourceChangeJson } from "../../../lib/plan-analysis";

const SERVICES = ["orders"];

const change = (
  address: string,
  actions: string[],
  extra: Partial<ResourceChangeJson["change"]> = {},
): ResourceChangeJson => {
  const [type = "", name = ""] = address.split(".");
  return {
    address,
    mode: "managed",
    type,
    name,
    change: { actions, before: {}, after: {}, after_unknown: {}, ...extra },
  };
};

const planned: OfflineStackPlan = {
  stack: "dev",
  workDir: "/tmp/dev",
  ok: true,
  summary: {
    toImport: 0,
    toAdd: 2,
    toChange: 1,
    toDestroy: 2,
    line: "Plan: 2 to add, 1 to change, 2 to destroy.",
  },
  planFile: "offline.tfplan",
  initMs: 600,
  planMs: 8_000,
  showMs: 2_000,
  planJson: {
    resource_changes: [
      change("aws_vpc.vpc_vpc_11111111", ["no-op"]),
      change("aws_subnet.vpc_subnet_22222222", ["create"]),
      change("aws_ecs_service.ecs_service-orders_33333333", ["update"], {
        before: { desired_count: 1 },
        after: { desired_count: 2 },
      }),
      change("aws_lb.alb_load-balancer_44444444", ["delete", "create"], {
        before: { name: "a" },
        after: { name: "b" },
        replace_paths: [["name"]],
      }),
      change("aws_s3_bucket.static-objects_bucket_55555555", ["delete"]),
    ],
  },
};

const options = (overrides: Partial<StackReportOptions> = {}): StackReportOptions => ({
  config: {},
  services: SERVICES,
  allowReplace: false,
  interrupted: false,
  ...overrides,
});

describe("stackReport", () => {
  it("counts each module group's changes, leaving out no-ops and groups without changes", () => {
    const report = stackReport(planned, options());
    expect(report.groups.map((g) => [g.group.label, g.counts])).toEqual([
      ["alb", { replace: 1 }],
      ["ecs/orders", { update: 1 }],
      ["static-objects", { delete: 1 }],
      ["vpc", { create: 1 }],
    ]);
    expect(report.changes.map((c) => c.action)).toEqual(["replace", "delete", "update", "create"]);
  });

  it("makes each stateful replacement or destruction an error, naming the way out", () => {
    expect(stackReport(planned, options()).problems).toEqual([
      {
        severity: "error",
        stack: "dev",
        address: "aws_lb.alb_load-balancer_44444444",
        message:
          "aws_lb.alb_load-balancer_44444444 (alb) would be replaced (destroyed before its replacement is created, forced by name): its DNS name changes, breaking every client and DNS record that points at it. Rerun with --allow-replace if that is intended.",
      },
      {
        severity: "error",
        stack: "dev",
        address: "aws_s3_bucket.static-objects_bucket_55555555",
        message:
          "aws_s3_bucket.static-objects_bucket_55555555 (static-objects) would be destroyed: its objects go with it. Rerun with --allow-replace if that is intended.",
      },
    ]);
  });

  it("makes them warnings with --allow-replace", () => {
    const problems = stackReport(planned, options({ allowReplace: true })).problems;
    expect(problems.map((p) => p.severity)).toEqual(["warning", "warning"]);
    expect(problems[1]?.message).toMatch(/its objects go with it\. Accepted by --allow-replace\.$/);
  });

  it("reports a failed step with terraform's error, or an interruption", () => {
    const failed: OfflineStackPlan = {
      stack: "prod",
      workDir: "/tmp/prod",
      ok: false,
      failedStep: "plan",
      error: "Error: Error acquiring the state lock",
      initMs: 500,
      planMs: 100,
      showMs: 0,
    };
    expect(stackReport(failed, options())).toMatchObject({
      status: "failed",
      failedStep: "plan",
      problems: [
        {
          severity: "error",
          stack: "prod",
          message: "terraform plan failed",
          detail: "Error: Error acquiring the state lock",
        },
      ],
    });
    expect(stackReport(failed, options({ interrupted: true }))).toMatchObject({
      status: "interrupted",
      problems: [{ message: "interrupted at terraform plan", detail: undefined }],
    });
  });
});

describe("renderStackReport", () => {
  it("prints the summary, then replacements and destroys one by one, then the module counts", () => {
    const report = stackReport(planned, options());
    expect(renderStackReport(report, { details: false, paint: painter(false) })).toEqual([
      "dev: Plan: 2 to add, 1 to change, 2 to destroy. (init 0.6 s, plan 8.0 s, show 2.0 s)",
      "  replace aws_lb.alb_load-balancer_44444444 (alb): forced by name; destroyed before the new one is created [stateful]",
      "  delete  aws_s3_bucket.static-objects_bucket_55555555 (static-objects) [stateful]",
      "  alb             1 replace",
      "  ecs/orders      1 update",
      "  static-objects  1 delete",
      "  vpc             1 create",
    ]);
  });

  it("with details, lists each resource under its module, an update with what it changes", () => {
    const report = stackReport(planned, options());
    const lines = renderStackReport(report, { details: true, paint: painter(false) });
    expect(lines.slice(3)).toEqual([
      "  alb             1 replace",
      "    replace aws_lb.alb_load-balancer_44444444: forced by name; destroyed before the new one is created [stateful]",
      "  ecs/orders      1 update",
      "    update  aws_ecs_service.ecs_service-orders_33333333: desired_count",
      "  static-objects  1 delete",
      "    delete  aws_s3_bucket.static-objects_bucket_55555555 [stateful]",
      "  vpc             1 create",
      "    create  aws_subnet.vpc_subnet_22222222",
    ]);
  });

  it("highlights replacements, destroys and the stateful mark when colouring", () => {
    const [, replace, destroy] = renderStackReport(stackReport(planned, options()), {
      details: false,
      paint: painter(true),
    });
    expect(replace).toMatch(/^ {2}\u001b\[33mreplace\u001b\[39m aws_lb\./);
    expect(destroy).toMatch(/^ {2}\u001b\[31mdelete \u001b\[39m aws_s3_bucket\./);
    expect(destroy).toContain("\u001b[1m\u001b[31m[stateful]\u001b[39m\u001b[22m");
  });

  it("prints a problem as one line with its severity and stack", () => {
    const [problem] = stackReport(planned, options()).problems;
    expect(renderProblem(problem!, painter(false))).toMatch(
      /^error: dev: aws_lb\.alb_load-balancer_44444444 \(alb\) would be replaced/,
    );
  });
});

describe("planOutcome", () => {
  const report = (status: string, severities: string[] = []) => ({
    status,
    problems: severities.map((severity) => ({ severity })),
  });

  it("is refused (3) when a planned stack has an error, planned (0) with only warnings", () => {
    expect(planOutcome([report("planned"), report("planned", ["error"])], false)).toBe("refused");
    expect(planOutcome([report("planned", ["warning"])], false)).toBe("planned");
  });

  it("puts a failed stack before a refusal, and an interruption before everything", () => {
    expect(planOutcome([report("failed", ["error"]), report("planned", ["error"])], false)).toBe(
      "failed",
    );
    expect(planOutcome([report("failed", ["error"])], true)).toBe("interrupted");
  });
});

describe("planDocument", () => {
  it("holds every stack with its groups and changes, and every problem", () => {
    const document = planDocument([stackReport(planned, options())], 3) as any;
    expect(document.exitCode).toBe(3);
    expect(document.problems).toHaveLength(2);
    expect(document.stacks[0]).toMatchObject({
      name: "dev",
      status: "planned",
      summary: { import: 0, add: 2, change: 1, destroy: 2 },
      timingMs: { init: 600, plan: 8000, show: 2000 },
      groups: [{ module: "alb", label: "alb", counts: { replace: 1 } }, {}, {}, {}],
    });
    expect(document.stacks[0].changes[0]).toEqual({
      address: "aws_lb.alb_load-balancer_44444444",
      type: "aws_lb",
      mode: "managed",
      group: "alb",
      action: "replace",
      replaceOrder: "delete-before-create",
      replacePaths: ["name"],
      changedAttributes: ["name"],
      stateful: true,
    });
  });
});
