import { manifestText } from "../support/config-project";
import { describeRules } from "../support/rule-cases";

const USERS = "services/users/service.json";
const PRODUCTS = "services/products/service.json";
const DEV = "environments/dev.json";
const PROD = "environments/prod.json";
const CERTIFICATE =
  "arn:aws:acm:us-east-1:123456789012:certificate/0a1b2c3d-4e5f-6789-abcd-ef0123456789";

describeRules("service rules", [
  {
    rule: "service names are unique, and a copied manifest is checked under its folder's name",
    mistake: { write: { "services/users2/service.json": manifestText("users") } },
    problems: [
      'services/users2/service.json: $.name: "users" is already the service in services/users; expected "users2", the name of its folder (service names are unique)',
      "services/users2/service.json: $.routing.listenerPort: 8080 is already the listener port of services/users/service.json ($.routing.listenerPort); expected a port no other service uses (free: 8082)",
      "services/users2/service.json: $.routing.priority: 100 is already the rule priority of services/users/service.json ($.routing.priority); expected a unique priority from 1 to 50000 (free: 101)",
      'services/users2/service.json: $.routing.pathPrefix: "/users" is already the path prefix of services/users/service.json ($.routing.pathPrefix); expected a prefix no other service uses (free: "/users2")',
    ],
  },
  {
    rule: "a service is named after its folder",
    mistake: { edit: { [USERS]: (svc) => (svc.name = "accounts") } },
    problems: [
      'services/users/service.json: $.name: "accounts" differs from its folder "users"; expected "users" (or rename the folder)',
    ],
  },
  {
    rule: "a service name is a lowercase DNS label",
    mistake: { edit: { [USERS]: (svc) => (svc.name = "Users") } },
    problems: [
      'services/users/service.json: $.name: "Users" is invalid; expected the service name, also its DNS name in the cluster: 2 to 28 lowercase letters, digits and single hyphens, starting with a letter (e.g. "users")',
    ],
  },
  {
    rule: "CPU and memory are a Fargate pair",
    mistake: { edit: { [USERS]: (svc) => (svc.memory = 4096) } },
    problems: [
      "services/users/service.json: $.memory: 4096 MiB is not a Fargate size for 256 CPU units; expected 512, 1024 or 2048 MiB",
    ],
  },
  {
    rule: "an environment's CPU override fits the manifest's memory",
    mistake: { edit: { [PROD]: (env) => (env.services = { users: { cpu: 1024 } }) } },
    problems: [
      "environments/prod.json: $.services.users.cpu: 1024 CPU units cannot run with the 512 MiB of services/users/service.json; expected a memory override of 2048 to 8192 MiB in steps of 1024 next to it, or cpu 256",
    ],
  },
  {
    rule: "ports are 1 to 65535",
    mistake: { edit: { [USERS]: (svc) => (svc.port = 70000) } },
    problems: [
      "services/users/service.json: $.port: 70000 is outside 1 to 65535; expected the port the container listens on (e.g. 8000)",
    ],
  },
  {
    rule: "listener ports are unique",
    mistake: { edit: { [PRODUCTS]: (svc) => (svc.routing.listenerPort = 8080) } },
    problems: [
      "services/products/service.json: $.routing.listenerPort: 8080 is already the listener port of services/users/service.json ($.routing.listenerPort); expected a port no other service uses (free: 8081)",
    ],
  },
  {
    rule: "listener ports leave the shared listener's port free",
    mistake: { edit: { [DEV]: (env) => (env.routing.sharedListenerPort = 8080) } },
    problems: [
      "environments/dev.json: $.routing.sharedListenerPort: 8080 is also the listener port of services/users/service.json ($.routing.listenerPort); expected a port no service listener uses (free: 8082)",
    ],
  },
  {
    rule: "listener ports leave 443 and 80 free when HTTPS is on",
    mistake: {
      edit: {
        [DEV]: (env) => (env.routing.certificateArn = CERTIFICATE),
        [USERS]: (svc) => (svc.routing.listenerPort = 443),
      },
    },
    problems: [
      "services/users/service.json: $.routing.listenerPort: 443 is kept for HTTPS because environments/dev.json sets routing.certificateArn; expected a port other than 443 and 80, e.g. 8082",
    ],
  },
  {
    rule: "a path prefix is /-separated lowercase segments",
    mistake: { edit: { [USERS]: (svc) => (svc.routing.pathPrefix = "users") } },
    problems: [
      'services/users/service.json: $.routing.pathPrefix: "users" is invalid; expected the path prefix routed to this service on the shared listener (path routing): /-separated lowercase segments without a trailing / (e.g. "/users")',
    ],
  },
  {
    rule: "path prefixes are unique",
    mistake: { edit: { [PRODUCTS]: (svc) => (svc.routing.pathPrefix = "/users") } },
    problems: [
      'services/products/service.json: $.routing.pathPrefix: "/users" is already the path prefix of services/users/service.json ($.routing.pathPrefix); expected a prefix no other service uses (free: "/products")',
    ],
  },
  {
    rule: "a path prefix is not shadowed by an outer prefix evaluated first",
    mistake: { edit: { [PRODUCTS]: (svc) => (svc.routing.pathPrefix = "/users/products") } },
    problems: [
      'services/products/service.json: $.routing.priority: 200 comes after 100, the rule of services/users/service.json ($.routing.priority) whose prefix "/users" also matches "/users/products", so "products" would get no request; expected a priority below 100',
    ],
  },
  {
    rule: "listener rule priorities are unique",
    mistake: { edit: { [PRODUCTS]: (svc) => (svc.routing.priority = 100) } },
    problems: [
      "services/products/service.json: $.routing.priority: 100 is already the rule priority of services/users/service.json ($.routing.priority); expected a unique priority from 1 to 50000 (free: 101)",
    ],
  },
  {
    rule: "the health check path starts with /",
    mistake: { edit: { [USERS]: (svc) => (svc.healthCheck.path = "health") } },
    problems: [
      'services/users/service.json: $.healthCheck.path: "health" is invalid; expected the HTTP path, starting with /, that answers 200 while the service is healthy (e.g. "/health")',
    ],
  },
  {
    rule: "the health check timeout is shorter than its interval",
    mistake: {
      edit: {
        [USERS]: (svc) =>
          (svc.healthCheck = { path: "/health", intervalSeconds: 10, timeoutSeconds: 10 }),
      },
    },
    problems: [
      "services/users/service.json: $.healthCheck.timeoutSeconds: 10 is not shorter than intervalSeconds 10; expected a timeout below the interval (the load balancer refuses it otherwise)",
    ],
  },
  {
    rule: "autoscaling minCount ≤ maxCount",
    mistake: { edit: { [PRODUCTS]: (svc) => (svc.scaling = { minCount: 3, maxCount: 2 }) } },
    problems: [
      "services/products/service.json: $.scaling.maxCount: 2 is below scaling.minCount 3; expected at least 3",
    ],
  },
  {
    rule: "autoscaling minCount ≤ desiredCount, in the manifest and after each environment's overrides",
    mistake: {
      edit: {
        [USERS]: (svc) => (svc.scaling = { minCount: 3, maxCount: 6 }),
        [DEV]: (env) => (env.services.users = { desiredCount: 1 }),
      },
    },
    problems: [
      "services/users/service.json: $.desiredCount: 2 is below scaling.minCount 3; expected a count from 3 to 6",
      "environments/dev.json: $.services.users.desiredCount: 1 is below scaling.minCount 3 (services/users/service.json); expected a count from 3 to 6",
    ],
  },
  {
    rule: "an environment's desiredCount stays within the manifest's maxCount",
    mistake: {
      edit: {
        [USERS]: (svc) => (svc.scaling = { minCount: 1, maxCount: 4 }),
        [PROD]: (env) => (env.services = { users: { desiredCount: 10 } }),
      },
    },
    problems: [
      "environments/prod.json: $.services.users.desiredCount: 10 is above scaling.maxCount 4 (services/users/service.json); expected a count from 1 to 4",
    ],
  },
  {
    rule: "an environment's maxCount stays at or above the desiredCount",
    mistake: {
      edit: {
        [USERS]: (svc) => (svc.scaling = { minCount: 1, maxCount: 4 }),
        [PROD]: (env) => (env.services = { users: { scaling: { maxCount: 1 } } }),
      },
    },
    problems: [
      "environments/prod.json: $.services.users.scaling.maxCount: 1 is below desiredCount 2 (services/users/service.json); expected at least 2",
    ],
  },
  {
    rule: "an environment scales only services whose manifest scales",
    mistake: {
      edit: {
        [USERS]: (svc) => delete svc.scaling,
        [DEV]: (env) => (env.services.users = { desiredCount: 1 }),
        [PROD]: (env) => (env.services = { users: { scaling: { maxCount: 4 } } }),
      },
    },
    problems: [
      "environments/prod.json: $.services.users.scaling: sets autoscaling bounds, but services/users/service.json has no scaling; expected a scaling block in the manifest first, or remove this",
    ],
  },
  {
    rule: "environment overrides name services of the project",
    mistake: { edit: { [PROD]: (env) => (env.services = { orders: { desiredCount: 1 } }) } },
    problems: [
      'environments/prod.json: $.services.orders: "orders" is not a service of this project; expected one of "products", "users"',
    ],
  },
  {
    rule: "a service calls only services of the project",
    mistake: { edit: { [PRODUCTS]: (svc) => (svc.calls = ["orders"]) } },
    problems: [
      'services/products/service.json: $.calls[0]: "orders" is not a service of this project; expected one of "products", "users"',
    ],
  },
  {
    rule: "a service does not call itself",
    mistake: { edit: { [PRODUCTS]: (svc) => (svc.calls = ["products"]) } },
    problems: [
      'services/products/service.json: $.calls[0]: "products" is the service itself; remove it (a service reaches itself directly)',
    ],
  },
]);
