import { Type, type Static } from "@sinclair/typebox";
import { CPU_ARCHITECTURES, FARGATE_CPU_UNITS, SERVICE_DEFAULTS } from "./constants";
import { NumberEnum, Port, ServiceName, StringEnum } from "./fields";

const HealthCheck = Type.Object(
  {
    path: Type.String({
      pattern: "^/[A-Za-z0-9._~/-]*$",
      maxLength: 1024,
      description: "the HTTP path that answers 200 while the service is healthy",
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
        description: "the path prefix routed to this service on the shared listener (path routing)",
        examples: ["/users"],
      }),
    ),
    priority: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: 50000,
        description:
          "the listener rule priority of the path prefix; derived from the service name when omitted",
      }),
    ),
  },
  { additionalProperties: false, description: "how the load balancer routes to this service" },
);

export const ServiceSchema = Type.Object(
  {
    $schema: Type.Optional(
      Type.String({ description: "path to this file's JSON Schema, for editors" }),
    ),
    name: ServiceName("the service name; also its DNS name inside the cluster (Service Connect)"),
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
    environment: Type.Optional(
      Type.Record(
        Type.String({ pattern: "^[A-Za-z_][A-Za-z0-9_]*$" }),
        Type.String({ maxLength: 4096 }),
        {
          additionalProperties: false,
          description: "plain environment variables for the container (never secrets)",
        },
      ),
    ),
    calls: Type.Optional(
      Type.Array(ServiceName("a service this one calls"), {
        uniqueItems: true,
        description: "services this one calls over Service Connect (http://<name>:<port>)",
      }),
    ),
  },
  { additionalProperties: false, $id: "service.schema.json", title: "Service manifest" },
);

export type ServiceFile = Static<typeof ServiceSchema>;
