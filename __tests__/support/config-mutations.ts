import type { GeneratedProject, Json } from "./config-arbitraries";

/** One invalid change to one field of a valid project, and where the report must point. */
export interface Mutation {
  readonly description: string;
  /** The file changed, relative to the project root. */
  readonly file: string;
  /** The JSON path of the field changed, as problems name it. */
  readonly path: string;
  readonly apply: (json: Json) => void;
}

type Template = (json: Json) => { path: string; description: string; apply: (json: Json) => void };

const ENVIRONMENT_MUTATIONS: readonly Template[] = [
  () => ({
    description: "a VPC CIDR with a /33",
    path: "$.vpc.cidr",
    apply: (env) => (env.vpc.cidr = "10.0.0.0/33"),
  }),
  () => ({
    description: "a VPC CIDR with host bits",
    path: "$.vpc.cidr",
    apply: (env) => (env.vpc.cidr = env.vpc.cidr.replace(/\.0\//, ".1/")),
  }),
  () => ({
    description: "an upper-case region",
    path: "$.region",
    apply: (env) => (env.region = env.region.toUpperCase()),
  }),
  () => ({ description: "a single AZ", path: "$.azs", apply: (env) => (env.azs = [env.azs[0]]) }),
  () => ({
    description: "an AZ of another region",
    path: "$.azs[1]",
    apply: (env) => (env.azs[1] = env.region === "sa-east-1" ? "us-west-2a" : "sa-east-1a"),
  }),
  () => ({
    description: "no NAT and no endpoints",
    path: "$.vpc.natStrategy",
    apply: (env) => {
      env.vpc.natStrategy = "none";
      delete env.vpc.interfaceEndpoints;
    },
  }),
  () => ({
    description: "an upper-case state bucket",
    path: "$.state.bucket",
    apply: (env) => (env.state.bucket = "Terraform_State"),
  }),
  () => ({
    description: "a state bucket with adjacent dots",
    path: "$.state.bucket",
    apply: (env) => (env.state.bucket = "terraform..state"),
  }),
  () => ({
    description: "a mistyped key",
    path: "$.regoin",
    apply: (env) => (env.regoin = env.region),
  }),
  () => ({
    description: "a tag key AWS reserves",
    path: '$.tags["aws:team"]',
    apply: (env) => (env.tags = { ...env.tags, "aws:team": "platform" }),
  }),
  () => ({
    description: "a log retention CloudWatch does not offer",
    path: "$.logRetentionDays",
    apply: (env) => (env.logRetentionDays = 13),
  }),
  () => ({
    description: "a certificate of another region",
    path: "$.routing.certificateArn",
    apply: (env) => {
      // With a certificate the shared listener can only be on 443: leave its port to the default.
      delete env.routing.sharedListenerPort;
      env.routing.certificateArn = `arn:aws:acm:${env.region === "sa-east-1" ? "us-west-2" : "sa-east-1"}:123456789012:certificate/0a1b2c3d-4e5f-6789-abcd-ef0123456789`;
    },
  }),
  () => ({
    description: "a shared listener port above 65535",
    path: "$.routing.sharedListenerPort",
    apply: (env) => (env.routing.sharedListenerPort = 70000),
  }),
  () => ({
    description: "no capacity provider weight above 0",
    path: "$.compute.spotWeight",
    apply: (env) => (env.compute = { onDemandWeight: 0, spotWeight: 0 }),
  }),
  () => ({
    description: "an alarm e-mail without @",
    path: "$.observability.alarmEmails[0]",
    apply: (env) => (env.observability = { alarmEmails: ["ops.example.com"] }),
  }),
  (env) => ({
    description: "a name other than the file's",
    path: "$.name",
    apply: (json) => (json.name = `${env.name}x`.slice(-10)),
  }),
];

const SERVICE_MUTATIONS: readonly Template[] = [
  () => ({ description: "port 0", path: "$.port", apply: (svc) => (svc.port = 0) }),
  () => ({ description: "a port as a string", path: "$.port", apply: (svc) => (svc.port = "80") }),
  () => ({ description: "a CPU Fargate lacks", path: "$.cpu", apply: (svc) => (svc.cpu = 300) }),
  () => ({
    description: "memory no Fargate CPU pairs with",
    path: "$.memory",
    apply: (svc) => (svc.memory = 3000),
  }),
  () => ({
    description: "a health check path without /",
    path: "$.healthCheck.path",
    apply: (svc) => (svc.healthCheck.path = "health"),
  }),
  () => ({
    description: "a health check timeout as long as its interval",
    path: "$.healthCheck.timeoutSeconds",
    apply: (svc) => {
      svc.healthCheck.intervalSeconds = 10;
      svc.healthCheck.timeoutSeconds = 10;
    },
  }),
  () => ({
    description: "a path prefix without /",
    path: "$.routing.pathPrefix",
    apply: (svc) => (svc.routing.pathPrefix = "no-slash"),
  }),
  () => ({
    description: "rule priority 0",
    path: "$.routing.priority",
    apply: (svc) => (svc.routing.priority = 0),
  }),
  (svc) => ({
    description: "a call to itself",
    path: "$.calls[0]",
    apply: (json) => (json.calls = [svc.name]),
  }),
  () => ({
    description: "a call to an unknown service",
    path: "$.calls[0]",
    apply: (svc) => (svc.calls = ["unknown-callee-x9"]),
  }),
  () => ({
    description: "an environment variable name starting with a digit",
    path: '$.environment["1BAD"]',
    apply: (svc) => (svc.environment = { ...svc.environment, "1BAD": "x" }),
  }),
  () => ({
    description: "a password in a plain environment variable",
    path: "$.environment.SMTP_PASSWORD",
    apply: (svc) => (svc.environment = { ...svc.environment, SMTP_PASSWORD: "hunter2" }),
  }),
  () => ({
    description: "a secret that is not an ARN",
    path: "$.secrets.SMTP_PASSWORD",
    apply: (svc) => (svc.secrets = { ...svc.secrets, SMTP_PASSWORD: "not-an-arn" }),
  }),
  () => ({
    description: "scaling bounds the wrong way round",
    path: "$.scaling.maxCount",
    apply: (svc) => (svc.scaling = { minCount: 7, maxCount: 6 }),
  }),
  () => ({
    description: "a mistyped key",
    path: "$.desiredcount",
    apply: (svc) => (svc.desiredcount = 1),
  }),
  () => ({
    description: "an upper-case name",
    path: "$.name",
    apply: (svc) => (svc.name = "Bad Name"),
  }),
];

export const MUTATION_COUNTS = {
  environment: ENVIRONMENT_MUTATIONS.length,
  service: SERVICE_MUTATIONS.length,
};

/** The `which`-th mutation of the catalogue applied to the `target`-th file of its kind. */
export function mutationOf(
  project: GeneratedProject,
  kind: "environment" | "service",
  which: number,
  target: number,
): Mutation {
  const files = kind === "environment" ? project.environments : project.services;
  const json = files[target % files.length];
  const templates = kind === "environment" ? ENVIRONMENT_MUTATIONS : SERVICE_MUTATIONS;
  const { description, path, apply } = templates[which % templates.length](json);
  const file =
    kind === "environment"
      ? `environments/${json.name}.json`
      : `services/${json.name}/service.json`;
  return { description, file, path, apply };
}
