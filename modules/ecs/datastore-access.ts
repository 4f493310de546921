import type { PolicyStatement } from "./service-roles";

/** How a service reaches its PostgreSQL database. */
export interface DatabaseConnection {
  /** The instance's DNS name. */
  readonly address: string;
  /** The read replica's DNS name. @default none */
  readonly readerAddress?: string;
  readonly port: number;
  readonly databaseName: string;
  readonly username: string;
  /** The Secrets Manager secret that holds the password under the JSON key "password". */
  readonly secretArn: string;
  /** The customer managed key that encrypts the secret. @default none (an AWS managed key) */
  readonly secretKmsKeyArn?: string;
  /** The database's security group: the service may send to it, it admits the service. */
  readonly securityGroupId: string;
}

/** What a service may do on its DynamoDB table. */
export interface TableAccess {
  readonly tableName: string;
  readonly tableArn: string;
  /** ARN pattern of the table's indexes, when it has any. @default none */
  readonly indexArns?: string;
  /** The DynamoDB operations the service calls, e.g. ["GetItem", "Query"]. */
  readonly operations: readonly string[];
  /** The customer managed key that encrypts the table. @default none (an AWS owned or managed key) */
  readonly kmsKeyArn?: string;
}

/** What the data stores of one service add to its task: variables, secrets and permissions. */
export interface DatastoreWiring {
  readonly environment: Readonly<Record<string, string>>;
  /** Variable name to ECS `valueFrom`. */
  readonly secrets: Readonly<Record<string, string>>;
  /** Permissions of the execution role (the ECS agent, which resolves the secrets). */
  readonly executionStatements: readonly PolicyStatement[];
  /** Permissions of the task role (the application). */
  readonly taskStatements: readonly PolicyStatement[];
}

/** The libpq-style TLS mode the service must connect with: TLS, server certificate and host name verified. */
export const DATABASE_SSL_MODE = "verify-full";
/** The only DynamoDB operations that apply to an index. */
const INDEX_OPERATIONS = ["Query", "Scan"];

const viaService = (service: string, region: string) => ({
  test: "StringEquals",
  variable: "kms:ViaService",
  values: [`${service}.${region}.amazonaws.com`],
});

/**
 * The connection settings as plain variables, the password as an ECS secret read from the
 * RDS-managed secret at task start, and the execution role's permission to read exactly that
 * secret (and decrypt it, through Secrets Manager only, when a customer managed key encrypts it).
 */
export function databaseWiring(database: DatabaseConnection, region: string): DatastoreWiring {
  return {
    environment: {
      DATABASE_HOST: database.address,
      ...(database.readerAddress ? { DATABASE_READ_HOST: database.readerAddress } : {}),
      DATABASE_PORT: String(database.port),
      DATABASE_NAME: database.databaseName,
      DATABASE_USER: database.username,
      DATABASE_SSL: DATABASE_SSL_MODE,
    },
    // <secret ARN>:<JSON key>:<version stage>:<version id>; empty stage and id mean AWSCURRENT.
    secrets: { DATABASE_PASSWORD: `${database.secretArn}:password::` },
    executionStatements: [
      {
        sid: "ReadDatabasePassword",
        actions: ["secretsmanager:GetSecretValue"],
        resources: [database.secretArn],
      },
      ...(database.secretKmsKeyArn
        ? [
            {
              sid: "DecryptDatabasePassword",
              actions: ["kms:Decrypt"],
              resources: [database.secretKmsKeyArn],
              condition: [viaService("secretsmanager", region)],
            },
          ]
        : []),
    ],
    taskStatements: [],
  };
}

/**
 * The table's name and region as variables, and the task role's permission to call exactly the
 * declared operations on that table, and Query/Scan on its indexes when declared. With a gateway
 * endpoint id, the calls are allowed only through it. With a customer managed key, the role may
 * decrypt with it through DynamoDB only (DynamoDB uses the caller's permission on the key).
 */
export function tableWiring(
  table: TableAccess,
  region: string,
  gatewayEndpointId?: string,
): DatastoreWiring {
  const throughEndpoint = gatewayEndpointId
    ? [{ test: "StringEquals", variable: "aws:SourceVpce", values: [gatewayEndpointId] }]
    : undefined;
  const indexOperations = table.operations.filter((op) => INDEX_OPERATIONS.includes(op));
  const statements: PolicyStatement[] = [
    {
      sid: "UseServiceTable",
      actions: table.operations.map((op) => `dynamodb:${op}`),
      resources: [table.tableArn],
      condition: throughEndpoint,
    },
  ];
  if (table.indexArns && indexOperations.length > 0) {
    statements.push({
      sid: "QueryServiceTableIndexes",
      actions: indexOperations.map((op) => `dynamodb:${op}`),
      resources: [table.indexArns],
      condition: throughEndpoint,
    });
  }
  if (table.kmsKeyArn) {
    statements.push({
      sid: "DecryptServiceTable",
      actions: ["kms:Decrypt"],
      resources: [table.kmsKeyArn],
      condition: [viaService("dynamodb", region)],
    });
  }
  return {
    environment: { TABLE_NAME: table.tableName, AWS_REGION: region },
    secrets: {},
    executionStatements: [],
    taskStatements: statements,
  };
}
