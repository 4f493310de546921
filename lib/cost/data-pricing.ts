import { selectedResources } from "../synthesized/backup-selection";
import { blocks, resourceRegion, type SynthesizedResource } from "../synthesized/stack-resources";
import { priced, type LineItem, type Pricer, type PricingContext } from "./line-item";

/** RDS: instance hours at the class's rate and provisioned storage, both doubled by Multi-AZ. */
export const databasePricer: Pricer = {
  types: ["aws_db_instance"],
  price(context, db) {
    const region = resourceRegion(context.stack, db);
    const multiAz = db.body.multi_az === true;
    const factor = multiAz ? context.prices.price("rds.multi-az-factor", region) : 1;
    const deployment = multiAz ? "Multi-AZ" : "single-AZ";
    const engine = String(db.body.engine ?? "postgres");
    const instanceClass = String(db.body.instance_class);
    const storageType = String(db.body.storage_type ?? "gp3");
    const items: LineItem[] = [
      priced(
        context,
        db,
        `${instanceClass} ${deployment}`,
        context.usage.hoursPerMonth * factor,
        `rds.${engine}.${instanceClass}`,
        "instance-hour",
      ),
      priced(
        context,
        db,
        `${String(db.body.allocated_storage)} GB ${storageType} ${deployment}`,
        Number(db.body.allocated_storage ?? 0) * factor,
        `rds.${storageType}-gb-month`,
        "GB-month",
      ),
    ];
    if (db.body.manage_master_user_password === true) {
      items.push(priced(context, db, "master password secret", 1, "secretsmanager.secret-month"));
    }
    return items;
  },
};

/** DynamoDB on demand: writes (again for each global secondary index), reads, storage, PITR. */
export const tablePricer: Pricer = {
  types: ["aws_dynamodb_table"],
  price(context, table) {
    const { usage } = context;
    if (table.body.billing_mode !== "PAY_PER_REQUEST") {
      throw new Error(
        `${table.path}: only on-demand DynamoDB tables are estimated (billing_mode ${String(table.body.billing_mode)})`,
      );
    }
    const indexes = blocks(table.body.global_secondary_index).length;
    const items = [
      priced(
        context,
        table,
        `writes, to the table and ${indexes} index(es)`,
        usage.tableWriteMillions * (1 + indexes),
        "dynamodb.million-writes",
      ),
      priced(context, table, "reads", usage.tableReadMillions, "dynamodb.million-reads"),
      priced(context, table, "storage", usage.tableGb, "dynamodb.storage-gb-month"),
    ];
    if (blocks(table.body.point_in_time_recovery).some((p) => p.enabled === true)) {
      items.push(
        priced(context, table, "point-in-time recovery", usage.tableGb, "dynamodb.pitr-gb-month"),
      );
    }
    return items;
  },
};

export const bucketPricer: Pricer = {
  types: ["aws_s3_bucket"],
  price: (context, bucket) => [
    priced(context, bucket, "S3 Standard storage", context.usage.bucketGb, "s3.standard-gb-month"),
  ],
};

export const repositoryPricer: Pricer = {
  types: ["aws_ecr_repository"],
  price: (context, repository) => [
    priced(
      context,
      repository,
      "image storage",
      context.usage.repositoryGb,
      "ecr.storage-gb-month",
    ),
  ],
};

/** How much a recovery point of a resource holds, and the price key of its backup storage. */
function backupOf(
  context: PricingContext,
  resource: SynthesizedResource,
): { gb: number; key: string } | undefined {
  const share = context.usage.backupShareOfData;
  if (resource.type === "aws_db_instance") {
    return {
      gb: Number(resource.body.allocated_storage ?? 0) * share,
      key: "backup.rds-snapshot-gb-month",
    };
  }
  if (resource.type === "aws_dynamodb_table")
    return { gb: context.usage.tableGb * share, key: "backup.dynamodb-gb-month" };
  return undefined;
}

/**
 * AWS Backup: the recovery points of what each selection picks, in the plan's vault, and for
 * each copy action the same again in the destination vault plus the transfer between regions.
 */
export const backupPricer: Pricer = {
  types: ["aws_backup_selection"],
  price(context, selection) {
    const { index } = context;
    const plans = index.referencedBy(selection.body.plan_id, "aws_backup_plan");
    const copyVaults = plans.flatMap((plan) =>
      blocks(plan.body.rule).flatMap((rule) =>
        blocks(rule.copy_action).flatMap((c) =>
          index.referencedBy(c.destination_vault_arn, "aws_backup_vault"),
        ),
      ),
    );
    return selectedResources(index, selection).flatMap((resource) => {
      const backup = backupOf(context, resource);
      if (!backup) return [];
      const name = resource.path.split("/").slice(1).join("/");
      return [
        priced(context, resource, `recovery points of ${name}`, backup.gb, backup.key),
        ...copyVaults.flatMap((vault) => {
          const destination = resourceRegion(context.stack, vault);
          return [
            {
              ...priced(
                context,
                vault,
                `copies of ${name} (${destination})`,
                backup.gb,
                backup.key,
              ),
              module: resource.module,
              resource: resource.path,
            },
            {
              ...priced(
                context,
                resource,
                `copy transfer to ${destination}`,
                backup.gb,
                "backup.cross-region-gb",
              ),
            },
          ];
        }),
      ];
    });
  },
};
