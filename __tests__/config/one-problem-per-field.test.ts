import { describeRules } from "../support/rule-cases";

const USERS = "services/users/service.json";
const DEV = "environments/dev.json";

describeRules("one problem per field, however many faults the schema finds in it", [
  {
    rule: "a number in quotes where only some numbers are allowed: the allowed values, and the quotes",
    mistake: { edit: { [USERS]: (svc) => (svc.cpu = "256") } },
    problems: [
      'services/users/service.json: $.cpu: "256" is not allowed; expected one of 256, 512, 1024, 2048, 4096, 8192, 16384 (a number, not the string "256")',
    ],
  },
  {
    rule: "a value of the wrong type where only some values are allowed: the allowed values",
    mistake: { edit: { [DEV]: (env) => (env.vpc.natStrategy = 3) } },
    problems: [
      'environments/dev.json: $.vpc.natStrategy: 3 is not allowed; expected one of "one-per-az", "single", "none"',
    ],
  },
  {
    rule: "a boolean in quotes: the quotes",
    mistake: { edit: { [DEV]: (env) => (env.production = "true") } },
    problems: [
      'environments/dev.json: $.production: "true" is a string, not a boolean; expected true for production: turns on deletion protection and keeps data when resources are destroyed',
    ],
  },
  {
    rule: "a value both too long and of the wrong characters: its form, which says the length too",
    mistake: { edit: { [USERS]: (svc) => (svc.name = "Users_" + "x".repeat(30)) } },
    problems: [
      'services/users/service.json: $.name: "Users_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" is invalid; expected the service name, also its DNS name in the cluster: 2 to 28 lowercase letters, digits and single hyphens, starting with a letter (e.g. "users")',
    ],
  },
  {
    rule: "a key of the wrong form holding a value of the wrong type: the key",
    mistake: { edit: { [USERS]: (svc) => (svc.environment = { LOG_LEVEL: "info", "1BAD": 5 }) } },
    problems: [
      'services/users/service.json: $.environment["1BAD"]: "1BAD" is not a valid key; expected an environment variable name: letters, digits and underscores, not starting with a digit',
    ],
  },
]);
