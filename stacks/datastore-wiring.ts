import type { DynamodbUse } from "../config/model";
import type { DynamodbModule } from "../modules/dynamodb";
import type { DatabaseConnection, TableAccess } from "../modules/ecs";
import type { RdsModule } from "../modules/rds";

/** What the ECS module needs of a service's database. */
export function databaseConnection(database: RdsModule): DatabaseConnection {
  return {
    address: database.address,
    readerAddress: database.readerAddress,
    port: database.port,
    databaseName: database.databaseName,
    username: database.username,
    secretArn: database.secretArn,
    secretKmsKeyArn: database.kmsKeyArn,
    securityGroupId: database.securityGroupId,
  };
}

/** What the ECS module needs of a service's table: the table, and the operations the service declared. */
export function tableAccess(table: DynamodbModule, use: DynamodbUse): TableAccess {
  return {
    tableName: table.tableName,
    tableArn: table.tableArn,
    indexArns: use.indexes.length > 0 ? table.indexArns : undefined,
    operations: use.operations,
    kmsKeyArn: table.kmsKeyArn,
  };
}
