import type { Construct } from "constructs";
import type { EnvironmentConfig } from "../config/model";
import { serviceNameBase } from "../lib/names/name-prefix";
import type { BackupModule } from "../modules/backup";
import { DynamodbModule } from "../modules/dynamodb";
import type { EncryptionModule } from "../modules/encryption";
import { RdsModule } from "../modules/rds";
import type { VpcModule } from "../modules/vpc";
import type { ServiceResources } from "./service-resources";

/** What a service's data stores are placed in, encrypted with and backed up by. */
export interface DatastoreSurroundings {
  /** The environment's name prefix, e.g. "shop-prod". */
  readonly prefix: string;
  readonly vpc: VpcModule;
  readonly encryption: EncryptionModule;
  readonly backup: BackupModule;
}

/**
 * Each service with the data stores it declares, made for it alone: an RDS PostgreSQL instance in
 * the private subnets, a DynamoDB table, or both, each tagged for the backup plan.
 */
export function serviceDatastores(
  scope: Construct,
  env: EnvironmentConfig,
  { prefix, vpc, encryption, backup }: DatastoreSurroundings,
): ServiceResources[] {
  return env.services.map((service) => {
    const { postgres, dynamodb } = service.datastores;
    const base = serviceNameBase(prefix, service.name);
    const database =
      postgres &&
      new RdsModule(scope, `postgres-${service.name}`, {
        ...env.database,
        identifier: base,
        vpcId: vpc.vpcId,
        subnetIds: vpc.privateSubnetIds,
        databaseName: postgres.database,
        username: postgres.username,
        deletionProtection: env.deletionProtection,
        finalSnapshot: env.production,
        logRetentionDays: env.logRetentionDays,
        logsKmsKeyArn: encryption.logsKmsKeyArn,
        tags: backup.selectionTag,
      });
    const table =
      dynamodb &&
      new DynamodbModule(scope, `dynamodb-${service.name}`, {
        tableName: base,
        partitionKey: dynamodb.partitionKey,
        sortKey: dynamodb.sortKey,
        indexes: dynamodb.indexes,
        deletionProtection: env.deletionProtection,
        tags: backup.selectionTag,
      });
    return { service, database, table: table && dynamodb && { module: table, use: dynamodb } };
  });
}
