import { bucketNameProblem } from "../../lib/s3-bucket-name";
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

/** The S3 naming rules the schema's pattern leaves out (adjacent dots, IP form, reserved affixes). */
export const checkStateBucketName: Check = ({ environments }) =>
  environments.flatMap((env): ConfigProblem[] => {
    const problem = bucketNameProblem(env.state.bucket);
    if (!problem) return [];
    return [
      {
        file: env.file,
        path: "$.state.bucket",
        message: `${quote(env.state.bucket)} ${problem}, which S3 refuses; expected a bucket name of lowercase words joined by single hyphens or dots, e.g. ${quote(`${env.project}-terraform-state`)}`,
      },
    ];
  });

/** Two environments never share a state object: the second apply would overwrite the first's state. */
export const checkStateKeys: Check = ({ environments }) => {
  const owner = new Map<string, string>();
  return environments.flatMap((env): ConfigProblem[] => {
    const location = `${env.state.bucket}/${env.state.key}`;
    const first = owner.get(location);
    if (first === undefined) {
      owner.set(location, env.file);
      return [];
    }
    return [
      {
        file: env.file,
        path: "$.state.key",
        message: `${quote(env.state.key)} in bucket ${quote(env.state.bucket)} is also the state of ${first}; expected a key of its own, e.g. ${quote(`${env.project}/${env.name}/terraform.tfstate`)}`,
      },
    ];
  });
};
