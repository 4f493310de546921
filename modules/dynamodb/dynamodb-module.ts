import { DynamodbTable } from "@cdktf/provider-aws/lib/dynamodb-table";
import { KmsAlias } from "@cdktf/provider-aws/lib/kms-alias";
import { Construct } from "constructs";
import { ManagedKey } from "../../constructs";
import type { DynamodbAttributeType, DynamodbProjection } from "../../lib/dynamodb-keys";
import { dynamodbNames } from "../../lib/names/dynamodb";

/** A key attribute: its name and type (S string, N number, B binary). */
export interface KeyAttribute {
  readonly name: string;
  readonly type: DynamodbAttributeType;
}

export interface SecondaryIndex {
  readonly name: string;
  readonly partitionKey: KeyAttribute;
  /** @default none */
  readonly sortKey?: KeyAttribute;
  /** What the index copies from the table. */
  readonly projection: DynamodbProjection;
}

export interface DynamodbModuleProps {
  /** The table name, e.g. "shop-prod-products"; fitted to 255 characters. */
  readonly tableName: string;
  /** The partition (hash) key. */
  readonly partitionKey: KeyAttribute;
  /** The sort (range) key. @default none */
  readonly sortKey?: KeyAttribute;
  /** Global secondary indexes; empty for none. */
  readonly indexes: readonly SecondaryIndex[];
  /** Refuse to delete the table (turn off before destroying it). */
  readonly deletionProtection: boolean;
  /** Tags added to the table, e.g. the backup plan's selection tag. @default none */
  readonly tags?: Readonly<Record<string, string>>;
}

/**
 * One DynamoDB table for one service: on-demand billing, point-in-time recovery, encryption with a
 * key of its own (rotated yearly), deletion protection, and attribute definitions for exactly the
 * keys of the table and its indexes. Services reach it through the VPC's gateway endpoint.
 */
export class DynamodbModule extends Construct {
  /** The table's name. */
  public readonly tableName: string;
  /** The table's ARN. */
  public readonly tableArn: string;
  /** ARN pattern of the table's indexes: what Query and Scan on an index are authorized against. */
  public readonly indexArns: string;
  /** The key that encrypts the table: readers and writers need kms:Decrypt on it. */
  public readonly kmsKeyArn: string;

  constructor(scope: Construct, id: string, props: DynamodbModuleProps) {
    super(scope, id);
    const names = dynamodbNames(props.tableName);
    const tableName = names.table;
    const { indexes } = props;

    const key = new ManagedKey(this, "key", {
      description: `Encrypts the DynamoDB table ${tableName}`,
      // The table's own reads and writes, and AWS Backup's copies of it.
      usedThrough: ["dynamodb", "backup"],
    });
    new KmsAlias(this, "key-alias", {
      name: names.keyAlias,
      targetKeyId: key.keyId,
    });

    const table = new DynamodbTable(this, "table", {
      name: tableName,
      billingMode: "PAY_PER_REQUEST",
      hashKey: props.partitionKey.name,
      rangeKey: props.sortKey?.name,
      attribute: keyAttributes([
        props.partitionKey,
        props.sortKey,
        ...indexes.flatMap((index) => [index.partitionKey, index.sortKey]),
      ]),
      globalSecondaryIndex: indexes.length
        ? indexes.map((index) => ({
            name: index.name,
            hashKey: index.partitionKey.name,
            rangeKey: index.sortKey?.name,
            projectionType: index.projection,
          }))
        : undefined,
      pointInTimeRecovery: { enabled: true },
      serverSideEncryption: { enabled: true, kmsKeyArn: key.keyArn },
      deletionProtectionEnabled: props.deletionProtection,
      tags: { Name: tableName, ...props.tags },
    });

    this.tableName = table.name;
    this.tableArn = table.arn;
    this.indexArns = `${table.arn}/index/*`;
    this.kmsKeyArn = key.keyArn;
  }
}

/** The attribute definitions of a key schema: each key attribute once; one type per name. */
export function keyAttributes(keys: readonly (KeyAttribute | undefined)[]): KeyAttribute[] {
  const byName = new Map<string, KeyAttribute>();
  for (const key of keys) {
    if (!key) continue;
    const known = byName.get(key.name);
    if (known && known.type !== key.type) {
      throw new Error(
        `attribute "${key.name}" is both ${known.type} and ${key.type}; give it one type in every key`,
      );
    }
    byName.set(key.name, { name: key.name, type: key.type });
  }
  return [...byName.values()];
}
