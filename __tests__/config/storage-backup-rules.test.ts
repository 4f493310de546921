import { describeRules } from "../support/rule-cases";

const DEV = "environments/dev.json";
const PROD = "environments/prod.json";
const USERS = "services/users/service.json";

describeRules("storage and backup rules", [
  {
    rule: "backups are copied to another region than the environment's",
    mistake: { edit: { [PROD]: (env) => (env.backup = { copyToRegion: "us-east-1" }) } },
    problems: [
      'environments/prod.json: $.backup.copyToRegion: "us-east-1" is the environment\'s own region; expected another region, so the copies survive an outage of "us-east-1"',
    ],
  },
  {
    rule: "copyRetentionDays needs copyToRegion",
    mistake: { edit: { [DEV]: (env) => (env.backup = { copyRetentionDays: 30 }) } },
    problems: [
      "environments/dev.json: $.backup.copyRetentionDays: 30 applies to copies, but there is no copyToRegion; expected copyToRegion too, or remove this",
    ],
  },
  {
    rule: "cold storage leaves 90 days before retention ends",
    mistake: {
      edit: { [PROD]: (env) => (env.backup = { retentionDays: 100, coldStorageAfterDays: 30 }) },
    },
    problems: [
      "environments/prod.json: $.backup.coldStorageAfterDays: 30 leaves recovery points 70 day(s) in cold storage before retentionDays (100) ends, and AWS keeps them there 90 days at least; expected retentionDays of at least 120, or no coldStorageAfterDays",
    ],
  },
  {
    rule: "retention is at least a day",
    mistake: { edit: { [DEV]: (env) => (env.backup = { retentionDays: 0 }) } },
    problems: [
      "environments/dev.json: $.backup.retentionDays: 0 is outside 1 to 36500; expected days AWS Backup keeps each daily recovery point; defaults to 35 in production, 7 elsewhere",
    ],
  },
  {
    rule: "the copy region is a region name",
    mistake: { edit: { [PROD]: (env) => (env.backup = { copyToRegion: "oregon" }) } },
    problems: [
      'environments/prod.json: $.backup.copyToRegion: "oregon" is invalid; expected a second region each recovery point is copied to, into a vault of its own there; no copy when omitted (e.g. "us-west-2")',
    ],
  },
  {
    rule: "shared storage is not mounted in the scratch directory",
    mistake: { edit: { [USERS]: (svc) => (svc.sharedStorage = { path: "/tmp/cache" }) } },
    problems: [
      'services/users/service.json: $.sharedStorage.path: "/tmp/cache" is inside /tmp, the container\'s scratch directory; expected another path, e.g. "/data"',
    ],
  },
  {
    rule: "shared storage is mounted at an absolute path",
    mistake: { edit: { [USERS]: (svc) => (svc.sharedStorage = { path: "data" }) } },
    problems: [
      'services/users/service.json: $.sharedStorage.path: "data" is invalid; expected the absolute path the service\'s shared directory is mounted at in the container (not /tmp, the scratch directory) (e.g. "/data")',
    ],
  },
  {
    rule: "static objects access is read or read-write",
    mistake: { edit: { [USERS]: (svc) => (svc.staticObjects = "write") } },
    problems: [
      'services/users/service.json: $.staticObjects: "write" is not allowed; expected one of "read", "read-write"',
    ],
  },
  {
    rule: "a service that uses static objects gets STATIC_BUCKET from the stack, not its environment",
    mistake: {
      edit: {
        [USERS]: (svc) => {
          svc.staticObjects = "read";
          svc.environment.STATIC_BUCKET = "my-bucket";
        },
      },
    },
    problems: [
      'services/users/service.json: $.environment.STATIC_BUCKET: "STATIC_BUCKET" is set from the service\'s staticObjects; remove it from environment',
    ],
  },
]);
