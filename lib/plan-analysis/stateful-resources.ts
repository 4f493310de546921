import { removesExistingObject } from "./change-action";
import type { ResourceChange } from "./resource-change";

/**
 * The resource types whose destruction loses what configuration cannot recreate: stored data, or
 * an identity that others hold on to. Each with what is lost, for the message. Replacing or
 * destroying one of them is refused unless allowed explicitly.
 */
export const STATEFUL_RESOURCE_TYPES: Readonly<Record<string, string>> = {
  aws_db_instance: "its databases go with it (at most a final snapshot is kept)",
  aws_rds_cluster: "its databases go with it (at most a final snapshot is kept)",
  aws_dynamodb_table: "its items go with it",
  aws_s3_bucket: "its objects go with it",
  aws_efs_file_system: "its files go with it",
  aws_kms_key: "what it encrypted cannot be decrypted once the key is deleted",
  aws_ecr_repository: "its images go with it, and tasks can no longer pull them",
  aws_lb: "its DNS name changes, breaking every client and DNS record that points at it",
  aws_backup_vault: "its recovery points go with it",
};

export function isStatefulType(type: string): boolean {
  return Object.hasOwn(STATEFUL_RESOURCE_TYPES, type);
}

/** A planned replacement or destruction of a stateful resource. */
export interface StatefulRisk {
  readonly change: ResourceChange;
  /** One sentence: the resource, its module, what happens, why, and what is lost. */
  readonly message: string;
}

function whatHappens(change: ResourceChange): string {
  if (change.action === "delete") return "destroyed";
  const order =
    change.replaceOrder === "create-before-destroy"
      ? "its replacement created first"
      : "destroyed before its replacement is created";
  const forcedBy =
    change.replacePaths.length > 0 ? `, forced by ${change.replacePaths.join(", ")}` : "";
  return `replaced (${order}${forcedBy})`;
}

/** The replacements and destructions of stateful resources among a plan's changes. */
export function statefulRisks(changes: readonly ResourceChange[]): StatefulRisk[] {
  return changes
    .filter((change) => change.stateful && removesExistingObject(change.action))
    .map((change) => ({
      change,
      message:
        `${change.address} (${change.group.label}) would be ${whatHappens(change)}: ` +
        `${STATEFUL_RESOURCE_TYPES[change.type]}.`,
    }));
}
