import type { DynamodbUse, ServiceConfig } from "../config/model";
import type { DynamodbModule } from "../modules/dynamodb";
import type { RdsModule } from "../modules/rds";

/** A service of an environment with the data stores made for it. */
export interface ServiceResources {
  readonly service: ServiceConfig;
  /** Its PostgreSQL instance, when it declares one. */
  readonly database?: RdsModule;
  /** Its DynamoDB table, when it declares one, with the operations it declared. */
  readonly table?: { readonly module: DynamodbModule; readonly use: DynamodbUse };
}
