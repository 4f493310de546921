import {
  EcsModule,
  type DatabaseConnection,
  type EcsModuleProps,
  type TableAccess,
} from "../../modules/ecs";
import { ECS_PROPS, ecsService, PRODUCTS, USERS } from "../support/ecs-fixture";
import {
  logicalId,
  ref,
  synthScope,
  type Synthesized,
  type TerraformBlock,
} from "../support/synth";

const SECRET_ARN = "arn:aws:secretsmanager:us-east-1:111122223333:secret:rds!db-1234-AbCdEf";
const SECRET_KEY = "arn:aws:kms:us-east-1:111122223333:key/db-key";
const TABLE_ARN = "arn:aws:dynamodb:us-east-1:111122223333:table/shop-prod-products";
const TABLE_KEY = "arn:aws:kms:us-east-1:111122223333:key/table-key";

/** Users' PostgreSQL database. */
const DATABASE: DatabaseConnection = {
  address: "users.abc.us-east-1.rds.amazonaws.com",
  port: 5432,
  databaseName: "users",
  username: "users_admin",
  secretArn: SECRET_ARN,
  secretKmsKeyArn: SECRET_KEY,
  securityGroupId: "sg-database",
};

/** Products' DynamoDB table. */
const TABLE: TableAccess = {
  tableName: "shop-prod-products",
  tableArn: TABLE_ARN,
  indexArns: `${TABLE_ARN}/index/*`,
  operations: ["GetItem", "PutItem", "UpdateItem", "DeleteItem", "Query", "Scan"],
  kmsKeyArn: TABLE_KEY,
};

/** Users with its database and products with its table, or with others given. */
function synthEcs(
  stores: { database?: DatabaseConnection; table?: TableAccess } = {},
  overrides: Partial<EcsModuleProps> = {},
): Synthesized {
  return synthScope((scope) => {
    new EcsModule(scope, "ecs", {
      ...ECS_PROPS,
      subnetIds: ["subnet-private-a", "subnet-private-b"],
      services: [
        ecsService(USERS, { database: stores.database ?? DATABASE }),
        ecsService(PRODUCTS, { table: stores.table ?? TABLE }),
      ],
      dynamodbEndpoint: { id: "vpce-dynamodb", prefixListId: "pl-dynamodb" },
      ...overrides,
    });
  });
}

const containerOf = (synth: Synthesized, service: string) =>
  (
    JSON.parse(
      synth.resourceAt("aws_ecs_task_definition", `task-definition-${service}`)
        .container_definitions as string,
    ) as Record<string, any>[]
  )[0];

type Statement = { sid?: string; actions: string[]; resources: string[]; condition?: unknown };
const statementsOf = (synth: Synthesized, service: string, role: "execution" | "task") => {
  const documents = synth.json.data?.aws_iam_policy_document ?? {};
  const entry = Object.entries(documents).find(([id]) =>
    id.includes(`roles-${service}_${role}-policy-document`),
  );
  return ((entry?.[1] as TerraformBlock | undefined)?.statement ?? []) as Statement[];
};
const allowsAction = (statements: Statement[], action: string) =>
  statements.some((s) => s.actions.includes(action));

describe("EcsModule with data stores", () => {
  const synth = synthEcs();

  it("gives users its connection settings as variables and its password as an ECS secret from the managed secret", () => {
    const users = containerOf(synth, "users");
    expect(users.environment).toEqual(
      expect.arrayContaining([
        { name: "DATABASE_HOST", value: "users.abc.us-east-1.rds.amazonaws.com" },
        { name: "DATABASE_PORT", value: "5432" },
        { name: "DATABASE_NAME", value: "users" },
        { name: "DATABASE_USER", value: "users_admin" },
        { name: "DATABASE_SSL", value: "verify-full" },
      ]),
    );
    expect(users.secrets).toEqual([
      { name: "DATABASE_PASSWORD", valueFrom: `${SECRET_ARN}:password::` },
    ]);
    expect(
      (users.environment as { name: string }[]).some((v) => v.name === "DATABASE_PASSWORD"),
    ).toBe(false);
  });

  it("lets only users' execution role read the secret, exactly that one, and decrypt it through Secrets Manager only", () => {
    expect(statementsOf(synth, "users", "execution")).toEqual(
      expect.arrayContaining([
        {
          sid: "ReadDatabasePassword",
          actions: ["secretsmanager:GetSecretValue"],
          resources: [SECRET_ARN],
        },
        {
          sid: "DecryptDatabasePassword",
          actions: ["kms:Decrypt"],
          resources: [SECRET_KEY],
          condition: [
            {
              test: "StringEquals",
              variable: "kms:ViaService",
              values: ["secretsmanager.us-east-1.amazonaws.com"],
            },
          ],
        },
      ]),
    );
    for (const [service, role] of [
      ["products", "execution"],
      ["users", "task"],
      ["products", "task"],
    ] as const) {
      expect(
        allowsAction(statementsOf(synth, service, role), "secretsmanager:GetSecretValue"),
      ).toBe(false);
    }
  });

  it("gives products its table name and region, and no database settings or secrets", () => {
    const products = containerOf(synth, "products");
    expect(products.environment).toEqual(
      expect.arrayContaining([
        { name: "TABLE_NAME", value: "shop-prod-products" },
        { name: "AWS_REGION", value: "us-east-1" },
      ]),
    );
    expect(JSON.stringify(products.environment)).not.toMatch(/DATABASE_/);
    expect(products.secrets).toBeUndefined();
  });

  it("lets only products' task role call its declared operations on its table, Query/Scan on its indexes, through the endpoint", () => {
    const throughEndpoint = [
      { test: "StringEquals", variable: "aws:SourceVpce", values: ["vpce-dynamodb"] },
    ];
    expect(statementsOf(synth, "products", "task")).toEqual([
      {
        sid: "UseServiceTable",
        actions: [
          "dynamodb:GetItem",
          "dynamodb:PutItem",
          "dynamodb:UpdateItem",
          "dynamodb:DeleteItem",
          "dynamodb:Query",
          "dynamodb:Scan",
        ],
        resources: [TABLE_ARN],
        condition: throughEndpoint,
      },
      {
        sid: "QueryServiceTableIndexes",
        actions: ["dynamodb:Query", "dynamodb:Scan"],
        resources: [`${TABLE_ARN}/index/*`],
        condition: throughEndpoint,
      },
      {
        sid: "DecryptServiceTable",
        actions: ["kms:Decrypt"],
        resources: [TABLE_KEY],
        condition: [
          {
            test: "StringEquals",
            variable: "kms:ViaService",
            values: ["dynamodb.us-east-1.amazonaws.com"],
          },
        ],
      },
    ]);
    expect(statementsOf(synth, "users", "task")).toEqual([]);
    for (const service of ["users", "products"]) {
      expect(
        statementsOf(synth, service, "execution").some((s) =>
          s.actions.some((a) => a.startsWith("dynamodb:")),
        ),
      ).toBe(false);
    }
  });

  it("grants nothing on indexes to a service whose operations never apply to one, or whose table has none", () => {
    const readOnlyItems = synthEcs({
      table: {
        tableName: "t",
        tableArn: TABLE_ARN,
        indexArns: `${TABLE_ARN}/index/*`,
        operations: ["GetItem", "PutItem"],
      },
    });
    expect(statementsOf(readOnlyItems, "products", "task").map((s) => s.sid)).toEqual([
      "UseServiceTable",
    ]);
    const noIndexes = synthEcs({
      table: { tableName: "t", tableArn: TABLE_ARN, operations: ["Query"] },
    });
    expect(statementsOf(noIndexes, "products", "task").map((s) => s.sid)).toEqual([
      "UseServiceTable",
    ]);
  });

  it("opens users to its database on 5432 and the database to users only", () => {
    const usersSg = ref(
      "aws_security_group",
      logicalId(synth, "aws_security_group", "security-group-users"),
      "id",
    );
    const rule = (r: TerraformBlock) => [
      r.security_group_id,
      r.from_port,
      r.to_port,
      r.referenced_security_group_id,
    ];
    const toDatabase = Object.values(synth.resources("aws_vpc_security_group_egress_rule"))
      .filter((r) => r.referenced_security_group_id === "sg-database")
      .map(rule);
    expect(toDatabase).toEqual([[usersSg, 5432, 5432, "sg-database"]]);
    const intoDatabase = Object.values(synth.resources("aws_vpc_security_group_ingress_rule"))
      .filter((r) => r.security_group_id === "sg-database")
      .map(rule);
    expect(intoDatabase).toEqual([["sg-database", 5432, 5432, usersSg]]);
  });

  it("sends products' HTTPS for DynamoDB to the gateway endpoint's prefix list", () => {
    const productsSg = ref(
      "aws_security_group",
      logicalId(synth, "aws_security_group", "security-group-products"),
      "id",
    );
    const toPrefixList = Object.values(synth.resources("aws_vpc_security_group_egress_rule"))
      .filter((r) => r.prefix_list_id !== undefined)
      .map((r) => [r.security_group_id, r.from_port, r.to_port, r.prefix_list_id]);
    expect(toPrefixList).toEqual([[productsSg, 443, 443, "pl-dynamodb"]]);
  });

  it("tells users where its read replica is, when there is one", () => {
    const withReplica = synthEcs({
      database: {
        address: "primary",
        readerAddress: "replica",
        port: 5432,
        databaseName: "users",
        username: "users_admin",
        secretArn: SECRET_ARN,
        securityGroupId: "sg-database",
      },
    });
    expect(containerOf(withReplica, "users").environment).toContainEqual({
      name: "DATABASE_READ_HOST",
      value: "replica",
    });
    expect(containerOf(synth, "users").environment).not.toContainEqual(
      expect.objectContaining({ name: "DATABASE_READ_HOST" }),
    );
    expect(statementsOf(withReplica, "users", "execution").map((s) => s.sid)).not.toContain(
      "DecryptDatabasePassword",
    );
  });
});
