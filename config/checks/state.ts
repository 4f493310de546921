import { bucketNameProblem } from "../../lib/s3-bucket-name";
import type { EnvironmentConfig } from "../model";
import { quote, type ConfigProblem } from "../problems";
import type { Check, WrittenConfig } from "./check";
import { bySide, derivedIn, whereHeld, writtenAt } from "./clash";

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

/** An environment's state key, as one side of a clash: written, or its default. */
function stateKeyOf(env: EnvironmentConfig, written: WrittenConfig) {
  return written.environment(env).state.key === undefined
    ? derivedIn(env.file, env.state.key, "its default key, as $.state.key is not set", { env })
    : writtenAt(env.file, ["state", "key"], env.state.key, { env });
}

/**
 * Two environments never share a state object: the second apply would overwrite the first's
 * state. Reported at the environment edited into the clash.
 */
export const checkStateKeys: Check = ({ environments, written, edits }) => {
  const owner = new Map<string, EnvironmentConfig>();
  return environments.flatMap((env): ConfigProblem[] => {
    const location = `${env.state.bucket}/${env.state.key}`;
    const first = owner.get(location);
    if (first === undefined) {
      owner.set(location, env);
      return [];
    }
    const [reported, other] = bySide(edits, stateKeyOf(first, written), stateKeyOf(env, written));
    const { project, name } = reported.env;
    return [
      {
        file: reported.file,
        path: "$.state.key",
        message: `${quote(env.state.key)} in bucket ${quote(env.state.bucket)} is also the state of ${whereHeld(other)}; expected a key of its own, e.g. ${quote(`${project}/${name}/terraform.tfstate`)}`,
      },
    ];
  });
};

/** The region an environment gives its state stores, as one side of a clash. */
function stateRegionOf(env: EnvironmentConfig, written: WrittenConfig) {
  return written.environment(env).state.region === undefined
    ? writtenAt(env.file, ["region"], env.state.region, { env })
    : writtenAt(env.file, ["state", "region"], env.state.region, { env });
}

/** A state store environments may share, and the key that names it. */
interface SharedStore {
  /** E.g. "state bucket". */
  readonly kind: string;
  readonly name: string;
  /** Where an environment names it, e.g. "$.state.bucket". */
  readonly field: string;
}

/**
 * Environments that share a state bucket or lock table agree on its region and account: the
 * state stack creates each once, from these settings. Reported at the environment edited into
 * the clash, saying which key to change or add to keep the store where the other has it.
 */
export const checkSharedStateStores: Check = ({ environments, written, edits }) => {
  const problems: ConfigProblem[] = [];
  const firstUse = new Map<string, EnvironmentConfig>();
  const compare = (env: EnvironmentConfig, store: SharedStore) => {
    const key = `${store.kind}:${store.name}`;
    const first = firstUse.get(key);
    if (!first) {
      firstUse.set(key, env);
      return;
    }
    const what = `the ${store.kind} ${quote(store.name)}`;
    const ownStore = `a ${store.kind} of its own in ${store.field}`;
    if (first.state.region !== env.state.region) {
      const [reported, other] = bySide(
        edits,
        stateRegionOf(first, written),
        stateRegionOf(env, written),
      );
      const region = quote(other.value);
      problems.push({
        file: reported.file,
        path: "$.state.region",
        message:
          reported.where === "$.region"
            ? `missing, so ${what} would be in ${quote(reported.value)} (from $.region), while ${whereHeld(other)} has it in ${region}; expected "region": ${region} added to $.state, or ${ownStore}`
            : `${quote(reported.value)} differs from ${region}, where ${whereHeld(other)} has ${what}; expected ${region}, or ${ownStore}`,
      });
    }
    const accountOf = (e: EnvironmentConfig) =>
      writtenAt(e.file, ["accountId"], e.accountId, { env: e });
    if (first.accountId && env.accountId && first.accountId !== env.accountId) {
      const [reported, other] = bySide(edits, accountOf(first), accountOf(env));
      problems.push({
        file: reported.file,
        path: store.field,
        message: `${what} is also used by ${whereHeld(other)} in account ${quote(other.value)}; expected ${ownStore} (one per account)`,
      });
    }
  };
  for (const env of environments) {
    compare(env, { kind: "state bucket", name: env.state.bucket, field: "$.state.bucket" });
    if (env.state.lock === "dynamodb" && env.state.dynamodbTable) {
      const name = env.state.dynamodbTable;
      compare(env, { kind: "lock table", name, field: "$.state.dynamodbTable" });
    }
  }
  return problems;
};
