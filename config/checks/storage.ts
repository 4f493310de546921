import type { DynamodbKey, ServiceConfig } from "../model";
import { jsonPath, quote, type ConfigProblem } from "../problems";
import { RESERVED_DATABASE_NAMES, RESERVED_MOUNT_PATHS } from "../schema/constants";
import type { Check } from "./check";

/**
 * Storage autoscaling needs a ceiling at least 10% above the allocated storage (RDS refuses a
 * smaller one at apply time); a ceiling equal to the allocated storage means autoscaling is off.
 */
export const checkDatabaseStorage: Check = ({ environments }) =>
  environments.flatMap((env): ConfigProblem[] => {
    const { allocatedStorageGb: allocated, maxAllocatedStorageGb: max } = env.database;
    const minimum = Math.ceil((allocated * 11) / 10);
    if (max === allocated || max >= minimum) return [];
    return [
      {
        file: env.file,
        path: "$.database.maxAllocatedStorageGb",
        message: `${max} is below allocatedStorageGb (${allocated}) plus 10%; expected at least ${minimum}, or ${allocated} to turn storage autoscaling off`,
      },
    ];
  });

/** RDS cannot create a database under a name PostgreSQL already uses. */
export const checkDatabaseNames: Check = ({ services }) =>
  services.flatMap((service): ConfigProblem[] => {
    const database = service.datastores.postgres?.database;
    if (!database || !(RESERVED_DATABASE_NAMES as readonly string[]).includes(database)) return [];
    return [
      {
        file: service.file,
        path: "$.datastores.postgres.database",
        message: `${quote(database)} is reserved by PostgreSQL or RDS; expected another name, e.g. ${quote(service.name.replace(/-/g, "_"))}`,
      },
    ];
  });

/**
 * A DynamoDB attribute has one type wherever it is a key, an index name is used once, and a key's
 * sort key differs from its partition key: CreateTable rejects anything else.
 */
export const checkDynamodbKeys: Check = ({ services }) =>
  services.flatMap((service): ConfigProblem[] => {
    const table = service.datastores.dynamodb;
    if (!table) return [];
    const problems: ConfigProblem[] = [];
    const at = (...segments: (string | number)[]) =>
      jsonPath(["datastores", "dynamodb", ...segments]);
    const typeOf = new Map<string, { type: string; path: string }>();
    const visit = (key: DynamodbKey | undefined, path: string) => {
      if (!key) return;
      const first = typeOf.get(key.name);
      if (first && first.type !== key.type) {
        problems.push({
          file: service.file,
          path: `${path}.type`,
          message: `${quote(key.type)} differs from the type ${quote(first.type)} of ${quote(key.name)} at ${first.path}; expected one type per attribute`,
        });
      } else if (!first) typeOf.set(key.name, { type: key.type, path });
    };
    const sameKey = (partition: DynamodbKey, sort: DynamodbKey | undefined, path: string) => {
      if (sort?.name === partition.name) {
        problems.push({
          file: service.file,
          path: `${path}.name`,
          message: `${quote(sort.name)} is also the partition key; expected a different attribute, or no sortKey`,
        });
      }
    };
    visit(table.partitionKey, at("partitionKey"));
    visit(table.sortKey, at("sortKey"));
    sameKey(table.partitionKey, table.sortKey, at("sortKey"));
    const indexNames = new Set<string>();
    table.indexes.forEach((index, i) => {
      if (indexNames.has(index.name)) {
        problems.push({
          file: service.file,
          path: at("indexes", i, "name"),
          message: `${quote(index.name)} names another index too; expected unique index names`,
        });
      }
      indexNames.add(index.name);
      visit(index.partitionKey, at("indexes", i, "partitionKey"));
      visit(index.sortKey, at("indexes", i, "sortKey"));
      sameKey(index.partitionKey, index.sortKey, at("indexes", i, "sortKey"));
    });
    return problems;
  });

/** The environment variables the data store wiring sets, per data store. */
export function datastoreVariables(service: ServiceConfig): string[] {
  return [
    ...(service.datastores.postgres
      ? [
          "DATABASE_HOST",
          "DATABASE_READ_HOST",
          "DATABASE_PORT",
          "DATABASE_NAME",
          "DATABASE_USER",
          "DATABASE_PASSWORD",
          "DATABASE_SSL",
        ]
      : []),
    ...(service.datastores.dynamodb ? ["TABLE_NAME", "AWS_REGION"] : []),
    ...(service.staticObjects ? ["STATIC_BUCKET"] : []),
  ];
}

/** Shared storage is mounted beside the container's scratch directory, never on or in it. */
export const checkSharedStoragePath: Check = ({ services }) =>
  services.flatMap((service): ConfigProblem[] => {
    const path = service.sharedStorage?.path;
    const reserved = RESERVED_MOUNT_PATHS.find((r) => path === r || path?.startsWith(`${r}/`));
    if (!path || !reserved) return [];
    return [
      {
        file: service.file,
        path: "$.sharedStorage.path",
        message: `${quote(path)} is inside ${reserved}, the container's scratch directory; expected another path, e.g. "/data"`,
      },
    ];
  });

/** A manifest's plain environment cannot set what the data store wiring sets. */
export const checkDatastoreVariables: Check = ({ services }) =>
  services.flatMap((service) => {
    const wired = datastoreVariables(service);
    return Object.keys(service.environment)
      .filter((name) => wired.includes(name))
      .map((name) => ({
        file: service.file,
        path: jsonPath(["environment", name]),
        message: `${quote(name)} is set from the service's ${name === "STATIC_BUCKET" ? "staticObjects" : "datastores"}; remove it from environment`,
      }));
  });
