import fc from "fast-check";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  CPU_ARCHITECTURES,
  DYNAMODB_ATTRIBUTE_TYPES,
  DYNAMODB_OPERATIONS,
  DYNAMODB_PROJECTIONS,
  FARGATE_CPU_UNITS,
  INTERFACE_ENDPOINTS,
  LOG_RETENTION_DAYS,
  NAT_STRATEGIES,
  RESERVED_DATABASE_NAMES,
  ROUTING_STYLES,
} from "../../config/schema/constants";
import { fargateMemoryOptions } from "../../lib/fargate-sizes";
import { deriveSubnetLayout } from "../../lib/subnet-layout";

/**
 * Random configurations that are valid by construction: every value within the schema, and the
 * cross-field rules (Fargate pairs, unique ports and priorities, scaling bounds, subnet sizes)
 * respected. The mutations in config-mutations.ts then break exactly one field.
 */
export type Json = Record<string, any>;

export interface GeneratedProject {
  readonly environments: Json[];
  readonly services: Json[];
}

const ACCOUNT = "123456789012";
const REGIONS = ["us-east-1", "eu-west-1", "ap-southeast-2"] as const;
const PLAIN_VARIABLES = ["LOG_LEVEL", "FEATURE_FLAGS", "CACHE_TTL", "APP_MODE"] as const;
const PLAIN_VALUES = ["info", "debug", "on", "off", "30", "blue", ""] as const;
const SECRET_VARIABLES = ["DB_PASSWORD", "API_TOKEN"] as const;

const serviceName = fc.stringMatching(/^[a-z][a-z0-9]{1,8}(-[a-z0-9]{1,6})?$/);
const environmentName = fc.stringMatching(/^[a-z][a-z0-9]{1,9}$/);
/** "sg" and "internal" would make names AWS reserves (the naming check's own cases). */
const projectName = fc
  .stringMatching(/^[a-z][a-z0-9]{1,11}$/)
  .filter((name) => name !== "sg" && name !== "internal");

const secretReference = (region: string) =>
  fc.constantFrom(
    `arn:aws:secretsmanager:${region}:${ACCOUNT}:secret:app/db-AbCdEf`,
    `arn:aws:secretsmanager:${region}:${ACCOUNT}:secret:app/db-AbCdEf:password::`,
    `arn:aws:ssm:${region}:${ACCOUNT}:parameter/app/api-token`,
  );

const healthCheck = fc.integer({ min: 5, max: 300 }).chain((interval) =>
  fc.record(
    {
      path: fc.constantFrom("/health", "/", "/status/live"),
      intervalSeconds: fc.constant(interval),
      timeoutSeconds: fc.integer({ min: 2, max: Math.min(120, interval - 1) }),
      healthyThreshold: fc.integer({ min: 2, max: 10 }),
      unhealthyThreshold: fc.integer({ min: 2, max: 10 }),
      gracePeriodSeconds: fc.integer({ min: 0, max: 600 }),
    },
    { requiredKeys: ["path", "intervalSeconds", "timeoutSeconds"] },
  ),
);

const counts = fc.integer({ min: 0, max: 5 }).chain((desired) =>
  fc.record(
    {
      desiredCount: fc.constant(desired),
      scaling: fc.record(
        {
          minCount: fc.integer({ min: 0, max: desired }),
          maxCount: fc.integer({ min: Math.max(desired, 1), max: desired + 5 }),
          cpuTargetPercent: fc.integer({ min: 1, max: 100 }),
          requestsPerTarget: fc.integer({ min: 1, max: 10000 }),
        },
        { requiredKeys: ["minCount", "maxCount"] },
      ),
    },
    { requiredKeys: ["desiredCount"] },
  ),
);

const fargateSize = fc
  .constantFrom(...FARGATE_CPU_UNITS)
  .chain((cpu) =>
    fc.record({ cpu: fc.constant(cpu), memory: fc.constantFrom(...fargateMemoryOptions(cpu)) }),
  );

const keyType = fc.constantFrom(...DYNAMODB_ATTRIBUTE_TYPES);

/** A table whose attributes each keep one type, with distinct partition and sort keys. */
const dynamodb = fc.record(
  {
    partitionKey: fc.record({ name: fc.constant("id"), type: keyType }, { requiredKeys: ["name"] }),
    sortKey: fc.record({ name: fc.constant("createdAt"), type: keyType }),
    indexes: fc.constantFrom(...DYNAMODB_PROJECTIONS).chain((projection) =>
      fc.subarray([
        { name: "byOwner", partitionKey: { name: "ownerId" }, projection },
        { name: "byStatus", partitionKey: { name: "status", type: "S" } },
      ]),
    ),
    operations: fc.subarray([...DYNAMODB_OPERATIONS], { minLength: 1 }),
  },
  { requiredKeys: ["partitionKey", "operations"] },
);

function datastores(name: string) {
  const database = name.replace(/-/g, "_");
  const postgres = (RESERVED_DATABASE_NAMES as readonly string[]).includes(database)
    ? fc.constant(undefined)
    : fc.option(fc.constant({ database }), { nil: undefined });
  return fc
    .record({ postgres, dynamodb: fc.option(dynamodb, { nil: undefined }) })
    .map(({ postgres: pg, dynamodb: table }) => ({
      ...(pg ? { postgres: pg } : {}),
      ...(table ? { dynamodb: table } : {}),
    }));
}

function service(name: string, others: readonly string[], listenerPort: number, priority: number) {
  return fc
    .record(
      {
        port: fc.integer({ min: 1, max: 65535 }),
        healthCheck,
        size: fargateSize,
        counts,
        cpuArchitecture: fc.constantFrom(...CPU_ARCHITECTURES),
        environment: fc.dictionary(
          fc.constantFrom(...PLAIN_VARIABLES),
          fc.constantFrom(...PLAIN_VALUES),
          {
            maxKeys: 3,
          },
        ),
        secrets: fc.dictionary(fc.constantFrom(...SECRET_VARIABLES), secretReference("us-east-1"), {
          maxKeys: 2,
        }),
        calls: fc.subarray([...others]),
        datastores: datastores(name),
      },
      { requiredKeys: ["port", "healthCheck", "size", "counts"] },
    )
    .map(({ size, counts: count, ...rest }) => ({
      name,
      ...rest,
      ...size,
      ...count,
      routing: { listenerPort, pathPrefix: `/${name}`, priority },
    }));
}

function serviceOverrides(manifest: Json) {
  const scaling = manifest.scaling as { minCount: number; maxCount: number } | undefined;
  const desired = scaling
    ? fc.integer({ min: scaling.minCount, max: scaling.maxCount })
    : fc.integer({ min: 0, max: 5 });
  return fc
    .record(
      { desiredCount: desired, size: fargateSize, bounds: fc.boolean() },
      { requiredKeys: ["bounds"] },
    )
    .chain(({ desiredCount, size, bounds }) => {
      const effective = desiredCount ?? manifest.desiredCount;
      const override = { ...(desiredCount === undefined ? {} : { desiredCount }), ...size };
      if (!scaling || !bounds) return fc.constant(override);
      return fc
        .record({
          minCount: fc.integer({ min: 0, max: effective }),
          maxCount: fc.integer({ min: Math.max(effective, 1), max: effective + 5 }),
        })
        .map((bound) => ({ ...override, scaling: bound }));
    });
}

function environment(name: string, project: string, services: readonly Json[]) {
  return fc
    .record({
      region: fc.constantFrom(...REGIONS),
      azLetters: fc.uniqueArray(fc.constantFrom(..."abcdef"), { minLength: 2, maxLength: 3 }),
      secondOctet: fc.integer({ min: 0, max: 255 }),
      prefixLength: fc.integer({ min: 16, max: 20 }),
      explicitSubnets: fc.boolean(),
      natStrategy: fc.constantFrom(...NAT_STRATEGIES),
      style: fc.constantFrom(...ROUTING_STYLES),
      https: fc.boolean(),
      sharedListenerPort: fc.option(fc.constantFrom(80, 8080, 8443), { nil: undefined }),
      accountId: fc.option(fc.constant(ACCOUNT), { nil: undefined }),
      production: fc.boolean(),
      logRetentionDays: fc.constantFrom(...LOG_RETENTION_DAYS),
      keepImages: fc.integer({ min: 1, max: 50 }),
      lock: fc.constantFrom("s3", "dynamodb"),
      explicitKey: fc.boolean(),
      database: fc.record(
        {
          engineVersion: fc.constantFrom("15", "16", "16.4"),
          instanceClass: fc.constantFrom("db.t4g.micro", "db.r6g.large"),
          multiAz: fc.boolean(),
          backupRetentionDays: fc.integer({ min: 7, max: 35 }),
          readReplica: fc.boolean(),
        },
        { requiredKeys: [] },
      ),
      tags: fc.dictionary(
        fc.constantFrom("CostCenter", "Owner", "Team"),
        fc.constantFrom("eng", "team-a", "42"),
        {
          maxKeys: 3,
        },
      ),
      overridden: fc.subarray([...services]),
      compute: fc.record(
        {
          onDemandBase: fc.integer({ min: 0, max: 3 }),
          onDemandWeight: fc.integer({ min: 0, max: 4 }),
          spotWeight: fc.integer({ min: 1, max: 4 }),
        },
        { requiredKeys: [] },
      ),
      observability: fc.record(
        {
          xray: fc.boolean(),
          alarmEmails: fc.subarray(["ops@example.com", "oncall@example.org"]),
        },
        { requiredKeys: [] },
      ),
    })
    .chain((draft) =>
      fc
        .tuple(...draft.overridden.map((manifest) => serviceOverrides(manifest)))
        .map((overrides) => {
          const cidr = `10.${draft.secondOctet}.0.0/${draft.prefixLength}`;
          const azs = draft.azLetters.map((letter) => `${draft.region}${letter}`);
          const subnets = draft.explicitSubnets ? deriveSubnetLayout(cidr, azs.length) : {};
          return {
            $schema: "../schemas/environment.schema.json",
            name,
            project,
            production: draft.production,
            region: draft.region,
            ...(draft.accountId ? { accountId: draft.accountId } : {}),
            azs,
            vpc: {
              cidr,
              ...subnets,
              natStrategy: draft.natStrategy,
              ...(draft.natStrategy === "none"
                ? { interfaceEndpoints: [...INTERFACE_ENDPOINTS] }
                : {}),
            },
            routing: {
              style: draft.style,
              // With a certificate, the shared listener is on 443, written or not.
              ...(draft.sharedListenerPort
                ? { sharedListenerPort: draft.https ? 443 : draft.sharedListenerPort }
                : {}),
              ...(draft.https
                ? {
                    certificateArn: `arn:aws:acm:${draft.region}:${ACCOUNT}:certificate/0a1b2c3d-4e5f-6789-abcd-ef0123456789`,
                  }
                : {}),
            },
            logRetentionDays: draft.logRetentionDays,
            database: draft.database,
            compute: draft.compute,
            observability: draft.observability,
            ecr: { keepImages: draft.keepImages },
            services: Object.fromEntries(
              draft.overridden.map((manifest, i) => [manifest.name, overrides[i]]),
            ),
            state: {
              bucket: `${project}-${name}-tfstate`,
              ...(draft.explicitKey ? { key: `${project}/${name}/state.tfstate` } : {}),
              lock: draft.lock,
              ...(draft.lock === "dynamodb" ? { dynamodbTable: `${project}-${name}-locks` } : {}),
            },
            tags: draft.tags,
          };
        }),
    );
}

/** A whole valid project: one to two environments and one to four services. */
export const validProject: fc.Arbitrary<GeneratedProject> = fc
  .record({
    serviceNames: fc.uniqueArray(serviceName, { minLength: 1, maxLength: 4 }),
    environmentNames: fc.uniqueArray(environmentName, { minLength: 1, maxLength: 2 }),
    project: projectName,
  })
  .chain(({ serviceNames, environmentNames, project }) =>
    fc
      .record({
        listenerPorts: fc.uniqueArray(fc.integer({ min: 9000, max: 60000 }), {
          minLength: serviceNames.length,
          maxLength: serviceNames.length,
        }),
        priorities: fc.uniqueArray(fc.integer({ min: 1, max: 50000 }), {
          minLength: serviceNames.length,
          maxLength: serviceNames.length,
        }),
      })
      .chain(({ listenerPorts, priorities }) =>
        fc.tuple(
          ...serviceNames.map((name, i) =>
            service(
              name,
              serviceNames.filter((other) => other !== name),
              listenerPorts[i],
              priorities[i],
            ),
          ),
        ),
      )
      .chain((services) =>
        fc
          .tuple(...environmentNames.map((name) => environment(name, project, services)))
          .map((environments) => ({ environments, services })),
      ),
  );

/** Writes a generated project into a fresh temp dir, the way a user lays it out. */
export function writeProject(project: GeneratedProject): string {
  const root = mkdtempSync(join(tmpdir(), "generated-"));
  mkdirSync(join(root, "environments"));
  for (const env of project.environments) {
    writeFileSync(join(root, "environments", `${env.name}.json`), JSON.stringify(env, null, 2));
  }
  for (const svc of project.services) {
    mkdirSync(join(root, "services", svc.name), { recursive: true });
    writeFileSync(
      join(root, "services", svc.name, "service.json"),
      JSON.stringify({ $schema: "../../schemas/service.schema.json", ...svc }, null, 2),
    );
  }
  return root;
}
