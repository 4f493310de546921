import { readFileSync } from "node:fs";
import { join } from "node:path";
import { analyzePlan } from "../../../lib/plan-analysis/analyze-plan";
import type { PlanJson } from "../../../lib/plan-analysis/plan-json";
import {
  STATEFUL_RESOURCE_TYPES,
  statefulRisks,
} from "../../../lib/plan-analysis/stateful-resources";
import { REPO_ROOT } from "../../support/temp-project";

const planOf = (
  ...changes: [type: string, actions: string[], replacePaths?: string[][], mode?: string][]
): PlanJson =>
  ({
    resource_changes: changes.map(([type, actions, replacePaths, mode = "managed"]) => ({
      address: `${mode === "data" ? "data." : ""}${type}.main`,
      mode,
      type,
      name: "main",
      change: { actions, before: {}, after: {}, after_unknown: {}, replace_paths: replacePaths },
    })),
  }) as PlanJson;

const config = {
  resource: Object.fromEntries(
    Object.keys(STATEFUL_RESOURCE_TYPES).map((type) => [
      type,
      { main: { "//": { metadata: { path: "dev/data-stores/main" } } } },
    ]),
  ),
};

const risksOf = (plan: PlanJson) =>
  statefulRisks(analyzePlan(plan, { config, services: [] }).changes);

describe("stateful resource types", () => {
  it("covers databases, tables, buckets, file systems, keys, registries, load balancers and vaults", () => {
    expect(Object.keys(STATEFUL_RESOURCE_TYPES).sort()).toEqual([
      "aws_backup_vault",
      "aws_db_instance",
      "aws_dynamodb_table",
      "aws_ecr_repository",
      "aws_efs_file_system",
      "aws_kms_key",
      "aws_lb",
      "aws_rds_cluster",
      "aws_s3_bucket",
    ]);
  });

  it.each(Object.keys(STATEFUL_RESOURCE_TYPES))("flags a destroyed %s", (type) => {
    const risks = risksOf(planOf([type, ["delete"]]));
    expect(risks.map((r) => r.change.address)).toEqual([`${type}.main`]);
  });

  it("says what, where, how and what is lost, for each replacement order", () => {
    const risks = risksOf(
      planOf(
        ["aws_db_instance", ["delete", "create"], [["identifier"], ["tags", "Name"]]],
        ["aws_lb", ["create", "delete"], [["name"]]],
        ["aws_s3_bucket", ["delete"]],
      ),
    );
    expect(risks.map((r) => r.message)).toEqual([
      "aws_db_instance.main (data-stores) would be replaced (destroyed before its replacement is created, forced by identifier, tags.Name): its databases go with it (at most a final snapshot is kept).",
      "aws_lb.main (data-stores) would be replaced (its replacement created first, forced by name): its DNS name changes, breaking every client and DNS record that points at it.",
      "aws_s3_bucket.main (data-stores) would be destroyed: its objects go with it.",
    ]);
  });

  it("leaves creations, updates and reads alone, and resources of other types", () => {
    expect(
      risksOf(
        planOf(
          ["aws_s3_bucket", ["create"]],
          ["aws_dynamodb_table", ["update"]],
          ["aws_kms_key", ["no-op"]],
          ["aws_ecr_repository", ["forget"]],
          ["aws_s3_bucket", ["read"], undefined, "data"],
          ["aws_ecs_service", ["delete", "create"]],
          ["aws_security_group", ["delete"]],
        ),
      ),
    ).toEqual([]);
  });
});

describe("docs/offline-plan.md", () => {
  it("lists every stateful type with what is lost, as the code says", () => {
    const docs = readFileSync(join(REPO_ROOT, "docs", "offline-plan.md"), "utf8");
    const rows = docs
      .split("\n")
      .filter((line) => line.startsWith("| `aws_"))
      .map((line) => line.split("|").map((cell) => cell.trim()));
    expect(rows.map(([, type, what]) => [type?.replace(/`/g, ""), what])).toEqual(
      Object.entries(STATEFUL_RESOURCE_TYPES),
    );
  });
});
