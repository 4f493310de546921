import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import type { ServiceFile } from "../../config/schema/service";
import { calleeUrlVariable } from "../../lib/service-variables";
import type { Datastore, NewServiceRequest } from "./arguments";

const TEMPLATE = join(__dirname, "template");

/** What a service package needs from the project: dependency versions and its own identity. */
export interface PackageContext {
  /** The npm package name of the service, e.g. @shop/orders. */
  readonly packageName: string;
  /** Version of each package the services may depend on, as the root lockfile installs it. */
  readonly versions: Readonly<Record<string, string>>;
  /** The shared platform package: name and version. */
  readonly platform: { readonly name: string; readonly version: string };
  /** license and engines, as the project declares them. */
  readonly license?: string;
  readonly engines?: Readonly<Record<string, string>>;
  /** The Node.js version the image runs: the project's, from .nvmrc. */
  readonly nodeVersion: string;
}

/** What each data store adds: dependencies, variables, how the items are kept. */
const DATASTORE_PARTS: Readonly<
  Record<
    Datastore,
    {
      readonly dependencies: readonly string[];
      readonly devDependencies: readonly string[];
      readonly variables: readonly (readonly [string, string])[];
      readonly store: string;
    }
  >
> = {
  none: {
    dependencies: [],
    devDependencies: [],
    variables: [],
    store: "in memory: replace it with a data store declared in service.json",
  },
  postgres: {
    dependencies: ["pg"],
    devDependencies: ["@types/pg"],
    variables: [
      ["DATABASE_HOST, DATABASE_PORT", "the service's PostgreSQL server"],
      ["DATABASE_NAME, DATABASE_USER", "its database and role"],
      ["DATABASE_PASSWORD", "its password (a secret, from Secrets Manager)"],
      ["DATABASE_SSL", "`true` (verify the server, as ECS sets it), `false` locally"],
    ],
    store: "a table of its PostgreSQL database, created by `migrations.ts`",
  },
  dynamodb: {
    dependencies: ["@aws-sdk/client-dynamodb"],
    devDependencies: [],
    variables: [
      ["TABLE_NAME, AWS_REGION", "the service's DynamoDB table"],
      ["DYNAMODB_ENDPOINT", "local runs only: dynalite"],
    ],
    store: "its DynamoDB table, keyed by id as service.json declares",
  },
};

const COMMON_DEPENDENCIES = ["fastify"];
const COMMON_DEV_DEPENDENCIES = ["@types/node", "typescript"];

function pinned(names: readonly string[], versions: Readonly<Record<string, string>>) {
  return Object.fromEntries(
    [...names].sort().map((name) => {
      const version = versions[name];
      if (version === undefined) {
        throw new Error(`the root package-lock.json installs no ${name}: run npm install first`);
      }
      return [name, version];
    }),
  );
}

/** The service's package.json: the template's dependencies at the versions the tests run. */
export function packageManifest(request: NewServiceRequest, context: PackageContext) {
  const parts = DATASTORE_PARTS[request.datastore];
  return {
    name: context.packageName,
    version: "0.1.0",
    private: true,
    description: `The ${request.name} service`,
    ...(context.license !== undefined && { license: context.license }),
    ...(context.engines !== undefined && { engines: context.engines }),
    main: "dist/server.js",
    scripts: {
      build: "tsc -p tsconfig.json",
      typecheck: "tsc -p tsconfig.json --noEmit",
      start: "node dist/server.js",
    },
    dependencies: pinned([...COMMON_DEPENDENCIES, ...parts.dependencies], context.versions),
    peerDependencies: { [context.platform.name]: context.platform.version },
    peerDependenciesMeta: { [context.platform.name]: { optional: true } },
    devDependencies: pinned(
      [...COMMON_DEV_DEPENDENCIES, ...parts.devDependencies],
      context.versions,
    ),
  };
}

/** Every package version the new service's package.json may name. */
export const TEMPLATE_PACKAGES = [
  ...COMMON_DEPENDENCIES,
  ...COMMON_DEV_DEPENDENCIES,
  ...Object.values(DATASTORE_PARTS).flatMap((part) => [
    ...part.dependencies,
    ...part.devDependencies,
  ]),
];

/** Every file below `dir`, as "/"-separated paths relative to it. */
function filesBelow(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split("\\").join("/"));
}

/**
 * The files of the new service, by path relative to its folder: the template (the common part,
 * then its data store's), with the service's name, port, callees and data store filled in, its
 * package.json and its manifest. Not yet formatted.
 */
export function serviceFiles(
  request: NewServiceRequest,
  manifest: ServiceFile,
  context: PackageContext,
): Map<string, string> {
  const parts = DATASTORE_PARTS[request.datastore];
  const calleeVariables = request.calls.map(
    (callee) => [callee, calleeUrlVariable(callee)] as const,
  );
  const variableRows = [
    ...parts.variables,
    ...calleeVariables.map(
      ([callee, variable]) => [variable, `the ${callee} service's API`] as const,
    ),
  ].map(
    ([names, meaning]) =>
      `| ${names
        .split(", ")
        .map((n) => `\`${n}\``)
        .join(", ")} | ${meaning} |`,
  );
  const postgresClient =
    request.datastore === "postgres"
      ? readFileSync(
          join(TEMPLATE, "datastores", "postgres", "Dockerfile.runtime"),
          "utf8",
        ).trimEnd()
      : "";
  const fill = (text: string) =>
    text
      .replace(/^# __POSTGRES_CLIENT__\n/m, postgresClient === "" ? "" : `${postgresClient}\n`)
      .replace(
        "/* __CALLEES__ */",
        calleeVariables
          .map(([callee, variable]) => `${JSON.stringify(callee)}: "${variable}",`)
          .join("\n"),
      )
      .replace("__VARIABLES__\n", variableRows.map((row) => `${row}\n`).join(""))
      .replace("__DESCRIPTION__", `The ${request.name} service.`)
      .replace("__STORE__", parts.store)
      .replaceAll("__SERVICE__", request.name)
      .replaceAll("__PORT__", String(manifest.port))
      .replaceAll("__NODE_VERSION__", context.nodeVersion);

  const files = new Map<string, string>();
  for (const source of [join(TEMPLATE, "base"), join(TEMPLATE, "datastores", request.datastore)]) {
    for (const path of filesBelow(source).filter((p) => !p.startsWith("Dockerfile."))) {
      files.set(path, fill(readFileSync(join(source, path), "utf8")));
    }
  }
  files.set("package.json", `${JSON.stringify(packageManifest(request, context), null, 2)}\n`);
  files.set("service.json", `${JSON.stringify(manifest, null, 2)}\n`);
  return files;
}
