import { PROJECT, synthEnvironment } from "../support/stacks";
import { logicalId, ref, type Synthesized, type TerraformBlock } from "../support/synth";

const containerOf = (synth: Synthesized, service: string) =>
  (
    JSON.parse(
      synth.resourceAt("aws_ecs_task_definition", `task-definition-${service}`)
        .container_definitions as string,
    ) as Record<string, any>[]
  )[0];

const documentOf = (synth: Synthesized, fragment: string) =>
  Object.entries(synth.json.data!.aws_iam_policy_document).find(([id]) =>
    id.includes(fragment),
  )![1];

describe("the prod stack's data stores", () => {
  const prod = synthEnvironment("prod");
  const instanceId = logicalId(prod, "aws_db_instance", "postgres-users_instance");
  const secretArn = `\${aws_db_instance.${instanceId}.master_user_secret[0].secret_arn}`;
  const tableId = logicalId(prod, "aws_dynamodb_table", "dynamodb-products_table");

  it("plans users' PostgreSQL Multi-AZ, encrypted, with a managed password, protected and snapshotted", () => {
    expect(prod.resource("aws_db_instance")).toMatchObject({
      identifier: "shop-prod-users",
      engine: "postgres",
      engine_version: "16",
      instance_class: "db.t4g.medium",
      multi_az: true,
      storage_encrypted: true,
      manage_master_user_password: true,
      backup_retention_period: 14,
      deletion_protection: true,
      skip_final_snapshot: false,
      final_snapshot_identifier: "shop-prod-users-final",
      publicly_accessible: false,
    });
  });

  it("places the database in the private subnets", () => {
    const privateSubnets = Object.entries(prod.resources("aws_subnet"))
      .filter(([, s]) => (s.tags as Record<string, string>).Tier === "private")
      .map(([id]) => ref("aws_subnet", id, "id"));
    expect(prod.resource("aws_db_subnet_group").subnet_ids).toEqual(privateSubnets);
  });

  it("never carries the password: no password argument, generator or literal anywhere", () => {
    const instance = prod.resource("aws_db_instance");
    expect(instance.password).toBeUndefined();
    expect(Object.keys(prod.resources("random_password"))).toHaveLength(0);
    expect(prod.text).not.toMatch(/"password"\s*:/);
    for (const service of ["users", "products"]) {
      const names = (containerOf(prod, service).environment as { name: string }[]).map(
        (v) => v.name,
      );
      expect(names).not.toContain("DATABASE_PASSWORD");
    }
    const outputValues = JSON.stringify(Object.values(prod.json.output!).map((o) => o.value));
    expect(outputValues).not.toMatch(/password/i);
  });

  it("plans products' DynamoDB table on demand, recoverable, encrypted and protected", () => {
    expect(prod.resource("aws_dynamodb_table")).toMatchObject({
      name: "shop-prod-products",
      billing_mode: "PAY_PER_REQUEST",
      hash_key: "id",
      point_in_time_recovery: { enabled: true },
      server_side_encryption: { enabled: true },
      deletion_protection_enabled: true,
      global_secondary_index: [
        {
          name: "ownerId-createdAt-index",
          hash_key: "ownerId",
          range_key: "createdAt",
          projection_type: "ALL",
        },
      ],
    });
  });

  it("hands users its database through variables and the managed secret", () => {
    const users = containerOf(prod, "users");
    expect(users.environment).toEqual(
      expect.arrayContaining([
        { name: "DATABASE_HOST", value: ref("aws_db_instance", instanceId, "address") },
        { name: "DATABASE_PORT", value: "5432" },
        { name: "DATABASE_NAME", value: "users" },
        { name: "DATABASE_USER", value: "users_admin" },
        { name: "DATABASE_SSL", value: "verify-full" },
      ]),
    );
    expect(users.secrets).toEqual([
      { name: "DATABASE_PASSWORD", valueFrom: `${secretArn}:password::` },
    ]);
  });

  it("lets users' execution role, and no other role, read that secret", () => {
    const readers = Object.entries(prod.json.data!.aws_iam_policy_document)
      .filter(([, doc]) =>
        (doc.statement as { actions: string[] }[]).some((s) =>
          s.actions.includes("secretsmanager:GetSecretValue"),
        ),
      )
      .map(([id]) => id);
    expect(readers).toEqual([expect.stringContaining("roles-users_execution-policy-document")]);
    expect(documentOf(prod, "roles-users_execution-policy-document").statement).toContainEqual({
      sid: "ReadDatabasePassword",
      actions: ["secretsmanager:GetSecretValue"],
      resources: [secretArn],
    });
  });

  it("hands products its table and region, and lets only its task role use that table and its indexes", () => {
    const products = containerOf(prod, "products");
    expect(products.environment).toEqual(
      expect.arrayContaining([
        { name: "TABLE_NAME", value: ref("aws_dynamodb_table", tableId, "name") },
        { name: "AWS_REGION", value: "us-east-1" },
      ]),
    );
    const tableArn = ref("aws_dynamodb_table", tableId, "arn");
    const users = Object.entries(prod.json.data!.aws_iam_policy_document)
      .filter(([, doc]) =>
        (doc.statement as { actions: string[] }[]).some((s) =>
          s.actions.some((a) => a.startsWith("dynamodb:")),
        ),
      )
      .map(([id]) => id);
    expect(users).toEqual([expect.stringContaining("roles-products_task-policy-document")]);
    const statements = (
      documentOf(prod, "roles-products_task-policy-document").statement as {
        sid?: string;
        actions: string[];
        resources: string[];
      }[]
    ) // Tracing's own statement (prod traces) and the static objects' (products uses the bucket).
      .filter((s) => s.sid !== "XrayDaemonWrite" && !s.sid?.includes("StaticObjects"));
    expect(statements.map((s) => s.resources)).toEqual([
      [tableArn],
      [`${tableArn}/index/*`],
      [ref("aws_kms_key", logicalId(prod, "aws_kms_key", "dynamodb-products_key"), "arn")],
    ]);
  });

  it("admits into the database only the security groups of services that declare postgres", () => {
    const databaseSg = ref(
      "aws_security_group",
      logicalId(prod, "aws_security_group", "postgres-users_security-group"),
      "id",
    );
    const postgresUsers = PROJECT.services.filter((s) => s.datastores.postgres).map((s) => s.name);
    expect(postgresUsers).toEqual(["users"]);
    const sources = Object.values(prod.resources("aws_vpc_security_group_ingress_rule"))
      .filter((r: TerraformBlock) => r.security_group_id === databaseSg)
      .map((r) => [r.from_port, r.referenced_security_group_id, r.cidr_ipv4]);
    expect(sources).toEqual(
      postgresUsers.map((svc) => [
        5432,
        ref(
          "aws_security_group",
          logicalId(prod, "aws_security_group", `security-group-${svc}`),
          "id",
        ),
        undefined,
      ]),
    );
  });

  it("outputs each database's endpoint, port, name and secret ARN, and each table's name and ARN", () => {
    expect(prod.json.output!.databases.value).toEqual({
      users: {
        endpoint: ref("aws_db_instance", instanceId, "endpoint"),
        port: 5432,
        database_name: "users",
        secret_arn: secretArn,
      },
    });
    expect(prod.json.output!.tables.value).toEqual({
      products: {
        name: ref("aws_dynamodb_table", tableId, "name"),
        arn: ref("aws_dynamodb_table", tableId, "arn"),
      },
    });
  });
});

describe("the dev stack's data stores", () => {
  const dev = synthEnvironment("dev");

  it("runs a single-AZ database without deletion protection or final snapshot, and an unprotected table", () => {
    expect(dev.resource("aws_db_instance")).toMatchObject({
      instance_class: "db.t4g.micro",
      multi_az: false,
      backup_retention_period: 7,
      deletion_protection: false,
      skip_final_snapshot: true,
      storage_encrypted: true,
      manage_master_user_password: true,
    });
    expect(dev.resource("aws_dynamodb_table").deletion_protection_enabled).toBe(false);
  });
});
