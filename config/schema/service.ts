import { Type, type Static } from "@sinclair/typebox";
import {
  CPU_ARCHITECTURES,
  DYNAMODB_ATTRIBUTE_TYPES,
  DYNAMODB_OPERATIONS,
  DYNAMODB_PROJECTIONS,
  FARGATE_CPU_UNITS,
  RULE_PRIORITY_RANGE,
  SCALING_DEFAULTS,
  SERVICE_DEFAULTS,
  STATIC_OBJECT_ACCESS,
} from "./constants";
import {
  EnvVarName,
  KeyedRecord,
  NumberEnum,
  Port,
  SecretReference,
  ServiceName,
  StringEnum,
} from "./fields";

const HealthCheck = Type.Object(
  {
    path: Type.String({
      pattern: "^/[A-Za-z0-9._~/-]*$",
      maxLength: 1024,
      description: "the HTTP path, starting with /, that answers 200 while the service is healthy",
      examples: ["/health"],
    }),
    intervalSeconds: Type.Optional(
      Type.Integer({
        minimum: 5,
        maximum: 300,
        description: "seconds between load balancer health checks",
        default: SERVICE_DEFAULTS.healthCheck.intervalSeconds,
      }),
    ),
    timeoutSeconds: Type.Optional(
      Type.Integer({
        minimum: 2,
        maximum: 120,
        description: "seconds before a health check counts as failed",
        default: SERVICE_DEFAULTS.healthCheck.timeoutSeconds,
      }),
    ),
    healthyThreshold: Type.Optional(
      Type.Integer({
        minimum: 2,
        maximum: 10,
        description: "consecutive successes before a target is healthy",
        default: SERVICE_DEFAULTS.healthCheck.healthyThreshold,
      }),
    ),
    unhealthyThreshold: Type.Optional(
      Type.Integer({
        minimum: 2,
        maximum: 10,
        description: "consecutive failures before a target is unhealthy",
        default: SERVICE_DEFAULTS.healthCheck.unhealthyThreshold,
      }),
    ),
    gracePeriodSeconds: Type.Optional(
      Type.Integer({
        minimum: 0,
        maximum: 2147483647,
        description: "seconds ECS ignores failing health checks after a task starts",
        default: SERVICE_DEFAULTS.healthCheck.gracePeriodSeconds,
      }),
    ),
  },
  { additionalProperties: false, description: "how the load balancer and ECS check the service" },
);

const Routing = Type.Object(
  {
    listenerPort: Type.Optional(
      Port("the load balancer port dedicated to this service (listener routing)", {
        examples: [8080],
      }),
    ),
    pathPrefix: Type.Optional(
      Type.String({
        pattern: "^(/[a-z0-9][a-z0-9._-]*)+$",
        maxLength: 120,
        description:
          "the path prefix routed to this service on the shared listener (path routing): /-separated lowercase segments without a trailing /",
        examples: ["/users"],
      }),
    ),
    priority: Type.Optional(
      Type.Integer({
        minimum: RULE_PRIORITY_RANGE.min,
        maximum: RULE_PRIORITY_RANGE.max,
        description:
          "the listener rule priority of the path prefix; derived from the service name when omitted",
      }),
    ),
  },
  { additionalProperties: false, description: "how the load balancer routes to this service" },
);

const Postgres = Type.Object(
  {
    database: Type.String({
      pattern: "^[a-z][a-z0-9_]{0,29}$",
      description:
        "the database the service owns on its own RDS PostgreSQL instance: up to 30 lowercase letters, digits and underscores, starting with a letter",
      examples: ["users"],
    }),
  },
  {
    additionalProperties: false,
    description:
      "the service keeps its data in PostgreSQL: it gets a database of its own, reached with TLS, its password from Secrets Manager",
  },
);

const KeyAttribute = (role: string) =>
  Type.Object(
    {
      name: Type.String({
        pattern: "^[A-Za-z0-9_.-]{1,255}$",
        description: `the attribute name of the ${role}`,
        examples: ["id"],
      }),
      type: Type.Optional(
        StringEnum(DYNAMODB_ATTRIBUTE_TYPES, {
          description: "the attribute type: S (string), N (number) or B (binary)",
          default: "S",
        }),
      ),
    },
    { additionalProperties: false, description: `the ${role}` },
  );

const SecondaryIndex = Type.Object(
  {
    name: Type.String({
      pattern: "^[A-Za-z0-9_.-]{3,255}$",
      description: "the index name the service queries (IndexName)",
      examples: ["byOwner"],
    }),
    partitionKey: KeyAttribute("index's partition (hash) key"),
    sortKey: Type.Optional(KeyAttribute("index's sort (range) key")),
    projection: Type.Optional(
      StringEnum(DYNAMODB_PROJECTIONS, {
        description: "what the index copies: every attribute (ALL) or only the keys (KEYS_ONLY)",
        default: "ALL",
      }),
    ),
  },
  { additionalProperties: false, description: "a global secondary index" },
);

const Dynamodb = Type.Object(
  {
    partitionKey: KeyAttribute("table's partition (hash) key"),
    sortKey: Type.Optional(KeyAttribute("table's sort (range) key")),
    indexes: Type.Optional(
      Type.Array(SecondaryIndex, {
        maxItems: 20,
        description: "the table's global secondary indexes",
      }),
    ),
    operations: Type.Array(
      StringEnum(DYNAMODB_OPERATIONS, { description: "a DynamoDB operation the service calls" }),
      {
        minItems: 1,
        uniqueItems: true,
        description:
          "the DynamoDB operations the service calls: its task role may call exactly these, on its table and indexes",
        examples: [["GetItem", "PutItem", "Query"]],
      },
    ),
  },
  {
    additionalProperties: false,
    description:
      "the service keeps its data in a DynamoDB table of its own, whose key schema and indexes are declared here",
  },
);

const Percent = (description: string) =>
  Type.Optional(Type.Integer({ minimum: 1, maximum: 100, description }));

const Scaling = Type.Object(
  {
    minCount: Type.Integer({
      minimum: 0,
      maximum: 1000,
      description: "the fewest tasks autoscaling keeps running (at most desiredCount)",
    }),
    maxCount: Type.Integer({
      minimum: 1,
      maximum: 1000,
      description: "the most tasks autoscaling may run (at least desiredCount)",
    }),
    cpuTargetPercent: Percent("the average CPU utilization autoscaling keeps the tasks at"),
    memoryTargetPercent: Percent("the average memory utilization autoscaling keeps the tasks at"),
    requestsPerTarget: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: 1000000,
        description:
          "the load balancer requests per task per minute autoscaling keeps the tasks at",
      }),
    ),
  },
  {
    additionalProperties: false,
    description: `autoscaling between minCount and maxCount tasks, tracking the targets given (CPU at ${SCALING_DEFAULTS.cpuTargetPercent}% when none is)`,
  },
);

const SharedStorage = Type.Object(
  {
    path: Type.String({
      pattern: "^(/[A-Za-z0-9._-]+)+$",
      maxLength: 255,
      description:
        "the absolute path the service's shared directory is mounted at in the container (not /tmp, the scratch directory)",
      examples: ["/data"],
    }),
  },
  {
    additionalProperties: false,
    description:
      "a directory on EFS that every task of the service shares, encrypted at rest and in transit, owned by the container user (1000:1000)",
  },
);

const Datastores = Type.Object(
  {
    postgres: Type.Optional(Postgres),
    dynamodb: Type.Optional(Dynamodb),
  },
  {
    additionalProperties: false,
    description: "the data stores the service uses; each is created for it and wired into its task",
  },
);

export const ServiceSchema = Type.Object(
  {
    $schema: Type.Optional(
      Type.String({ description: "path to this file's JSON Schema, for editors" }),
    ),
    name: ServiceName("the service name, also its DNS name in the cluster"),
    port: Port("the port the container listens on", { examples: [8000] }),
    healthCheck: HealthCheck,
    cpu: NumberEnum(FARGATE_CPU_UNITS, { description: "Fargate CPU units (1024 = one vCPU)" }),
    memory: Type.Integer({
      minimum: 512,
      maximum: 122880,
      description: "task memory in MiB; must be a valid Fargate pair with cpu",
      examples: [512],
    }),
    cpuArchitecture: Type.Optional(
      StringEnum(CPU_ARCHITECTURES, {
        description: "the CPU architecture the image is built for and the task runs on",
        default: SERVICE_DEFAULTS.cpuArchitecture,
      }),
    ),
    desiredCount: Type.Integer({
      minimum: 0,
      maximum: 1000,
      description: "number of tasks to run",
    }),
    routing: Routing,
    scaling: Type.Optional(Scaling),
    environment: Type.Optional(
      KeyedRecord(
        EnvVarName(),
        Type.String({ maxLength: 4096, description: "a value of up to 4096 characters" }),
        {
          description:
            "plain environment variables for the container, visible in the task definition: never secrets (see secrets)",
        },
      ),
    ),
    secrets: Type.Optional(
      KeyedRecord(EnvVarName(), SecretReference(), {
        description:
          "environment variables ECS fills from Secrets Manager or SSM Parameter Store when the task starts, by ARN",
      }),
    ),
    calls: Type.Optional(
      Type.Array(ServiceName("a service this one calls"), {
        uniqueItems: true,
        description: "services this one calls over Service Connect (http://<name>:<port>)",
      }),
    ),
    datastores: Type.Optional(Datastores),
    staticObjects: Type.Optional(
      StringEnum(STATIC_OBJECT_ACCESS, {
        description:
          "the service uses the environment's static objects bucket (its name in STATIC_BUCKET): read its objects, or read, write and delete them",
      }),
    ),
    sharedStorage: Type.Optional(SharedStorage),
  },
  { additionalProperties: false, $id: "service.schema.json", title: "Service manifest" },
);

export type ServiceFile = Static<typeof ServiceSchema>;
