import { quote, type ConfigProblem } from "../problems";
import type { Check } from "./check";

/** DynamoDB locking needs a table name, and a table name is only meaningful with DynamoDB locking. */
export const checkStateLock: Check = ({ environments }) =>
  environments.flatMap((env): ConfigProblem[] => {
    const { lock, dynamodbTable } = env.state;
    if (lock === "dynamodb" && !dynamodbTable) {
      return [
        {
          file: env.file,
          path: "$.state.dynamodbTable",
          message: `required key is missing: lock is "dynamodb"; expected a table name such as ${quote(`${env.project}-terraform-locks`)}`,
        },
      ];
    }
    if (lock === "s3" && dynamodbTable) {
      return [
        {
          file: env.file,
          path: "$.state.dynamodbTable",
          message: `${quote(dynamodbTable)} is ignored because lock is "s3"; remove it or set lock to "dynamodb"`,
        },
      ];
    }
    return [];
  });
