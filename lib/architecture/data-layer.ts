import { selectedResources } from "../synthesized/backup-selection";
import { blocks, resourceRegion, type SynthesizedResource } from "../synthesized/stack-resources";
import { displayName, type DiagramBuilder } from "./diagram-builder";
import type { DiagramGroup } from "./diagram-model";
import { vpcGroupOf } from "./network-layer";

function databaseLines(db: SynthesizedResource): string[] {
  const engine = [db.body.engine, db.body.engine_version].filter(Boolean).join(" ");
  const placement = db.body.multi_az === true ? "Multi-AZ" : "single AZ";
  const storage = db.body.allocated_storage
    ? `${String(db.body.allocated_storage)} GB ${String(db.body.storage_type ?? "")}`.trim()
    : "";
  return [
    `RDS ${engine}`.trim(),
    displayName(db),
    `${String(db.body.instance_class ?? "")} · ${placement}`,
    storage,
  ];
}

/**
 * The data stores (RDS in its VPC; DynamoDB tables, S3 buckets and EFS in the region), image
 * repositories, and AWS Backup: the vaults, what the plans back up, and where they copy to.
 */
export function addDataStores(
  builder: DiagramBuilder,
  vpcGroups: ReadonlyMap<string, DiagramGroup>,
): void {
  const { index } = builder;
  for (const db of index.ofType("aws_db_instance")) {
    builder.addNode(
      vpcGroupOf(builder, vpcGroups, db) ?? builder.regionOf(db),
      db,
      "database",
      databaseLines(db),
    );
    for (const source of index.referencedBy(db.body.replicate_source_db, "aws_db_instance")) {
      builder.addEdge(builder.nodeId(source), builder.nodeId(db), "replication", { dashed: true });
    }
  }
  for (const table of index.ofType("aws_dynamodb_table")) {
    const billing = table.body.billing_mode === "PAY_PER_REQUEST" ? "on demand" : "provisioned";
    const pitr = blocks(table.body.point_in_time_recovery).some((p) => p.enabled === true);
    builder.addNode(builder.regionOf(table), table, "database", [
      "DynamoDB table",
      displayName(table),
      [billing, pitr ? "PITR" : ""].filter(Boolean).join(" · "),
    ]);
  }
  for (const bucket of index.ofType("aws_s3_bucket")) {
    builder.addNode(builder.regionOf(bucket), bucket, "storage", [
      "S3 bucket",
      bucket.path.split("/").slice(1, -1).join("/") || displayName(bucket),
    ]);
  }
  for (const fileSystem of index.ofType("aws_efs_file_system")) {
    builder.addNode(builder.regionOf(fileSystem), fileSystem, "storage", [
      "EFS file system",
      displayName(fileSystem, "creation_token"),
    ]);
  }
  for (const repository of index.ofType("aws_ecr_repository")) {
    builder.addNode(builder.regionOf(repository), repository, "registry", [
      "ECR repository",
      displayName(repository),
    ]);
  }
  for (const vault of index.ofType("aws_backup_vault")) {
    builder.addNode(builder.regionOf(vault), vault, "operations", [
      "AWS Backup vault",
      displayName(vault),
    ]);
  }
  for (const plan of index.ofType("aws_backup_plan")) {
    for (const rule of blocks(plan.body.rule)) {
      const [vault] = index.referencedBy(rule.target_vault_name, "aws_backup_vault");
      if (!vault) continue;
      const lifecycle = blocks(rule.lifecycle)[0];
      const kept = lifecycle?.delete_after ? `, kept ${String(lifecycle.delete_after)} days` : "";
      for (const selection of index.referencing(plan, "aws_backup_selection")) {
        for (const resource of selectedResources(builder.index, selection)) {
          builder.addEdge(
            builder.nodeId(resource),
            builder.nodeId(vault),
            `${String(rule.rule_name ?? "backup")}${kept}`,
            { dashed: true },
          );
        }
      }
      for (const copy of blocks(rule.copy_action)) {
        for (const target of index.referencedBy(copy.destination_vault_arn, "aws_backup_vault")) {
          builder.addEdge(
            builder.nodeId(vault),
            builder.nodeId(target),
            `copy to ${resourceRegion(builder.stack, target)}`,
            { dashed: true },
          );
        }
      }
    }
  }
}
