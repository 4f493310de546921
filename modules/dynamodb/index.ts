export { dynamodbNames } from "../../lib/names/dynamodb";
export {
  DynamodbModule,
  keyAttributes,
  type DynamodbModuleProps,
  type KeyAttribute,
  type SecondaryIndex,
} from "./dynamodb-module";
