import { describeRules } from "../support/rule-cases";

const USERS = "services/users/service.json";
const PRODUCTS = "services/products/service.json";
const DEV = "environments/dev.json";
const PROD = "environments/prod.json";

describeRules("checks on files the schema rejects in part", [
  {
    rule: "a service with a mistake in one block still joins the checks of its other blocks",
    mistake: {
      edit: {
        [USERS]: (svc) => (svc.environment.LOG_LEVEL = 5),
        [PRODUCTS]: (svc) => (svc.routing.listenerPort = 8080),
      },
    },
    problems: [
      "services/users/service.json: $.environment.LOG_LEVEL: 5 is not a string; expected a value of up to 4096 characters",
      "services/products/service.json: $.routing.listenerPort: 8080 is already the listener port of services/users/service.json ($.routing.listenerPort); expected a port no other service uses (free: 8081)",
    ],
  },
  {
    rule: "a service whose routing is rejected stays out of the routing checks",
    mistake: {
      edit: {
        [USERS]: (svc) => (svc.routing.listenerPort = "8081"),
      },
    },
    problems: [
      'services/users/service.json: $.routing.listenerPort: "8081" is a string, not an integer; expected the load balancer port dedicated to this service (listener routing) (e.g. 8080)',
    ],
  },
  {
    rule: "an environment with a mistyped key still gets its network checks",
    mistake: {
      edit: {
        [PROD]: (env) => {
          env.regoin = env.region;
          delete env.region;
          env.vpc.publicSubnets[1] = "10.1.16.0/20";
        },
      },
    },
    problems: [
      'environments/prod.json: $.region: required key is missing; expected the AWS region (e.g. "us-east-1")',
      'environments/prod.json: $.regoin: unknown key; did you mean "region"?',
      'environments/prod.json: $.vpc.publicSubnets[1]: "10.1.16.0/20" is outside the VPC "10.0.0.0/16"; expected a block inside it',
    ],
  },
  {
    rule: "an environment whose VPC has one rejected value still gets the subnet checks",
    mistake: {
      edit: {
        [PROD]: (env) => {
          env.vpc.natStrategy = "two-per-az";
          env.vpc.publicSubnets[1] = "10.1.16.0/20";
        },
      },
    },
    problems: [
      'environments/prod.json: $.vpc.natStrategy: "two-per-az" is not allowed; expected one of "one-per-az", "single", "none"',
      'environments/prod.json: $.vpc.publicSubnets[1]: "10.1.16.0/20" is outside the VPC "10.0.0.0/16"; expected a block inside it',
    ],
  },
  {
    rule: "nothing derived from a rejected value is checked: the region's AZs, certificate and state bucket",
    mistake: { edit: { [PROD]: (env) => (env.region = "US-East-1") } },
    problems: [
      'environments/prod.json: $.region: "US-East-1" is invalid; expected the AWS region (e.g. "us-east-1")',
    ],
  },
  {
    rule: "a rejected value leaves out only what is derived from it: defaults from production, not written sizes",
    mistake: {
      edit: {
        [PROD]: (env) => {
          env.production = "yes";
          env.database.allocatedStorageGb = 20;
          env.database.maxAllocatedStorageGb = 21;
        },
      },
    },
    problems: [
      'environments/prod.json: $.production: "yes" is not a boolean; expected true for production: turns on deletion protection and keeps data when resources are destroyed',
      "environments/prod.json: $.database.maxAllocatedStorageGb: 21 is below allocatedStorageGb (20) plus 10%; expected at least 22, or 20 to turn storage autoscaling off",
    ],
  },
  {
    rule: "memory that fits no Fargate CPU is reported when the CPU is rejected",
    mistake: {
      edit: {
        [USERS]: (svc) => {
          svc.cpu = "256";
          svc.memory = 1000;
        },
      },
    },
    problems: [
      'services/users/service.json: $.cpu: "256" is not allowed; expected one of 256, 512, 1024, 2048, 4096, 8192, 16384 (a number, not the string "256")',
      "services/users/service.json: $.memory: 1000 MiB is not a memory size Fargate offers with any CPU; expected a Fargate size, e.g. 1024 MiB (the closest)",
    ],
  },
  {
    rule: "the Fargate pair is checked when both of its values passed, whatever else was rejected",
    mistake: {
      edit: {
        [USERS]: (svc) => {
          svc.port = "8000";
          svc.memory = 4096;
        },
      },
    },
    problems: [
      'services/users/service.json: $.port: "8000" is a string, not an integer; expected the port the container listens on (e.g. 8000)',
      "services/users/service.json: $.memory: 4096 MiB is not a Fargate size for 256 CPU units; expected 512, 1024 or 2048 MiB",
    ],
  },
  {
    rule: "an environment with a rejected override stays out of the checks that read its overrides, not the others",
    mistake: {
      edit: {
        [DEV]: (env) => {
          env.services.users.desiredCount = -1;
          env.services.products.desiredCount = 9;
          env.tags["aws:team"] = "platform";
        },
      },
    },
    problems: [
      "environments/dev.json: $.services.users.desiredCount: -1 is outside 0 to 1000; expected number of tasks to run in this environment",
      'environments/dev.json: $.tags["aws:team"]: "aws:team" starts with "aws:", which AWS reserves for its own tags; expected a key of only letters, digits, spaces and _ . : / = + - @, not starting with "aws:"',
    ],
  },
  {
    rule: "a mistyped override key leaves the value it was meant to set unchecked",
    mistake: {
      edit: {
        [DEV]: (env) => {
          env.services.users = { desiredCont: 9, scaling: { minCount: 1, maxCount: 2 } };
          env.tags["aws:team"] = "platform";
        },
      },
    },
    problems: [
      'environments/dev.json: $.services.users.desiredCont: unknown key; did you mean "desiredCount"?',
      'environments/dev.json: $.tags["aws:team"]: "aws:team" starts with "aws:", which AWS reserves for its own tags; expected a key of only letters, digits, spaces and _ . : / = + - @, not starting with "aws:"',
    ],
  },
]);
