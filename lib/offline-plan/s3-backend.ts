import type { StackConfig } from "./synthesized-stack";

/** A stack's S3 backend: where its state lives and how it is locked. */
export interface S3BackendSettings {
  readonly bucket: string;
  readonly key: string;
  readonly region: string;
  /** The DynamoDB lock table, when the stack locks through DynamoDB. */
  readonly dynamodbTable?: string;
  /** Whether the stack locks with an S3 lock file (`use_lockfile`). */
  readonly useLockfile: boolean;
  /** The backend block as synthesized. */
  readonly block: Readonly<Record<string, unknown>>;
}

function requiredString(
  block: Readonly<Record<string, unknown>>,
  name: string,
  stack: string,
): string {
  const value = block[name];
  if (typeof value !== "string" || value === "") {
    throw new Error(
      `Stack "${stack}": its S3 backend has no "${name}"; set state.${name} in its environment file.`,
    );
  }
  return value;
}

/**
 * The stack's S3 backend, or undefined when it keeps local state (no backend, or cdktf's default
 * "local" one). Any other backend is refused: offline runs only stand in for S3 and DynamoDB.
 */
export function s3Backend(stack: string, config: StackConfig): S3BackendSettings | undefined {
  const backends = Object.entries(config.terraform?.backend ?? {});
  if (backends.length === 0 || (backends.length === 1 && backends[0]?.[0] === "local")) {
    return undefined;
  }
  const [type, block] = backends[0] as [string, Readonly<Record<string, unknown>>];
  if (type !== "s3" || backends.length > 1) {
    throw new Error(
      `Stack "${stack}": backend "${backends.map(([t]) => t).join(", ")}" cannot be planned offline; only "s3" can.`,
    );
  }
  const table = block.dynamodb_table;
  return {
    bucket: requiredString(block, "bucket", stack),
    key: requiredString(block, "key", stack),
    region: requiredString(block, "region", stack),
    dynamodbTable: typeof table === "string" && table !== "" ? table : undefined,
    useLockfile: block.use_lockfile === true,
    block,
  };
}

/** The buckets and lock tables that must exist before these backends can be initialized. */
export interface StateStores {
  readonly buckets: readonly string[];
  readonly lockTables: readonly string[];
}

export function stateStores(backends: readonly (S3BackendSettings | undefined)[]): StateStores {
  const present = backends.filter((b): b is S3BackendSettings => b !== undefined);
  return {
    buckets: [...new Set(present.map((b) => b.bucket))].sort(),
    lockTables: [
      ...new Set(present.flatMap((b) => (b.dynamodbTable === undefined ? [] : [b.dynamodbTable]))),
    ].sort(),
  };
}

/** The lock item key Terraform writes in the DynamoDB table while it holds a stack's state lock. */
export function dynamoDbLockId(backend: S3BackendSettings): string {
  return `${backend.bucket}/${backend.key}`;
}
