import { AWS_NAME_LIMITS, fitName } from "../aws-names";
import { kmsAliasName } from "./kms-alias";

/** The names the DynamoDB module gives its resources; `tableName` is e.g. "shop-prod-products". */
export const dynamodbNames = (tableName: string) => {
  const table = fitName([tableName], AWS_NAME_LIMITS.dynamodbTable);
  return { table, keyAlias: kmsAliasName(table) };
};
