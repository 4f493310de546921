import { manifestText } from "../support/config-project";
import { describeRules } from "../support/rule-cases";

const USERS = "services/users/service.json";
const PRODUCTS = "services/products/service.json";
const SECRET_ARN = "arn:aws:secretsmanager:us-east-1:123456789012:secret:shop/db-AbCdEf:password::";
const MOVE_TO_SECRETS = (name: string) =>
  `expected it in Secrets Manager or SSM Parameter Store and referenced from "secrets", e.g. "secrets": { "${name}": "arn:aws:secretsmanager:<region>:<account>:secret:<name>" }`;

describeRules("environment variable and secret rules", [
  {
    rule: "environment variable names are letters, digits and underscores",
    mistake: { edit: { [USERS]: (svc) => (svc.environment = { "1LOG": "x" }) } },
    problems: [
      'services/users/service.json: $.environment["1LOG"]: "1LOG" is not a valid key; expected an environment variable name: letters, digits and underscores, not starting with a digit',
    ],
  },
  {
    rule: "an environment variable is written once (JSON would keep only the last)",
    mistake: {
      write: {
        [USERS]: manifestText("users").replace(
          '"LOG_LEVEL": "info"',
          '"LOG_LEVEL": "info",\n    "LOG_LEVEL": "debug"',
        ),
      },
    },
    problems: [
      'services/users/service.json: $.environment.LOG_LEVEL: "LOG_LEVEL" is written 2 times in this object, and JSON keeps only the last value; expected it once',
    ],
  },
  {
    rule: "a variable is either plain or secret, not both",
    mistake: {
      edit: {
        [USERS]: (svc) => {
          svc.environment.DB_PASSWORD = "";
          svc.secrets = { DB_PASSWORD: SECRET_ARN };
        },
      },
    },
    problems: [
      'services/users/service.json: $.secrets.DB_PASSWORD: "DB_PASSWORD" is also a plain variable at $.environment.DB_PASSWORD; expected it once: in secrets if it is secret, else in environment',
    ],
  },
  {
    rule: "a variable does not replace PORT, which the stack sets",
    mistake: { edit: { [USERS]: (svc) => (svc.environment.PORT = "9000") } },
    problems: [
      'services/users/service.json: $.environment.PORT: "PORT" is set by the stack to the container port (8000); expected another name',
    ],
  },
  {
    rule: "a variable does not replace the URL of a called service, which the stack sets",
    mistake: { edit: { [PRODUCTS]: (svc) => (svc.environment.USERS_URL = "http://localhost") } },
    problems: [
      'services/products/service.json: $.environment.USERS_URL: "USERS_URL" is set by the stack to the URL of "users", which it calls; expected another name',
    ],
  },
  {
    rule: "a variable does not replace what ECS sets",
    mistake: {
      edit: { [PRODUCTS]: (svc) => (svc.secrets = { ECS_CONTAINER_METADATA_URI_V4: SECRET_ARN }) },
    },
    problems: [
      'services/products/service.json: $.secrets.ECS_CONTAINER_METADATA_URI_V4: "ECS_CONTAINER_METADATA_URI_V4" is set by ECS in every task (credentials and metadata); expected another name',
    ],
  },
  {
    rule: "no static AWS keys beside the task role",
    mistake: {
      edit: { [PRODUCTS]: (svc) => (svc.environment.AWS_ACCESS_KEY_ID = "AKIAIOSFODNN7EXAMPLE") },
    },
    problems: [
      `services/products/service.json: $.environment.AWS_ACCESS_KEY_ID: "AWS_ACCESS_KEY_ID" would override the task role's temporary credentials with static keys; expected the permissions on the task role instead, and this variable removed`,
    ],
  },
  {
    rule: "a plain variable named like a secret is moved to secrets",
    mistake: { edit: { [USERS]: (svc) => (svc.environment.DB_PASSWORD = "hunter2") } },
    problems: [
      `services/users/service.json: $.environment.DB_PASSWORD: a 7-character value in a plain environment variable looks like a secret (its name says it is a secret); ${MOVE_TO_SECRETS("DB_PASSWORD")}`,
    ],
  },
  {
    rule: "a plain variable holding an AWS access key is moved to secrets",
    mistake: { edit: { [USERS]: (svc) => (svc.environment.UPSTREAM = "AKIAIOSFODNN7EXAMPLE") } },
    problems: [
      `services/users/service.json: $.environment.UPSTREAM: "AKIA…" (20 characters) in a plain environment variable looks like a secret (the value looks like an AWS access key ID); ${MOVE_TO_SECRETS("UPSTREAM")}`,
    ],
  },
  {
    rule: "a plain variable holding a private key is moved to secrets",
    mistake: {
      edit: {
        [USERS]: (svc) => (svc.environment.TLS = "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAK"),
      },
    },
    problems: [
      `services/users/service.json: $.environment.TLS: "----…" (43 characters) in a plain environment variable looks like a secret (the value looks like a private key); ${MOVE_TO_SECRETS("TLS")}`,
    ],
  },
  {
    rule: "a plain variable holding a random-looking token is moved to secrets",
    mistake: {
      edit: { [USERS]: (svc) => (svc.environment.UPSTREAM_AUTH = "q8Zr2LmX9vT4kPw7Yb3NcJ6h") },
    },
    problems: [
      `services/users/service.json: $.environment.UPSTREAM_AUTH: "q8Zr…" (24 characters) in a plain environment variable looks like a secret (the value looks like a random token); ${MOVE_TO_SECRETS("UPSTREAM_AUTH")}`,
    ],
  },
  {
    rule: "a secret reference is a Secrets Manager ARN (all three colons after a JSON key) or an SSM parameter ARN",
    mistake: {
      edit: {
        [USERS]: (svc) =>
          (svc.secrets = {
            DB_PASSWORD:
              "arn:aws:secretsmanager:us-east-1:123456789012:secret:shop/db-AbCdEf:password",
          }),
      },
    },
    problems: [
      'services/users/service.json: $.secrets.DB_PASSWORD: "arn:aws:secretsmanager:us-east-1:123456789012:secret:shop/db-AbCdEf:password" is invalid; expected a Secrets Manager secret ARN, with :json-key:version-stage:version-id appended to pick one JSON key (keep all three colons), or an SSM parameter ARN (e.g. "arn:aws:secretsmanager:us-east-1:123456789012:secret:shop/db-AbCdEf:password::")',
    ],
  },
]);
