import { loadProject } from "../../config/load";
import { configProject, type JsonEdit } from "../support/config-project";
import { describeRules } from "../support/rule-cases";

const DEV = "environments/dev.json";
const PROD = "environments/prod.json";

/**
 * The edits, after dev and prod are made to share their state bucket "shop-terraform-state"
 * without writing its region (each then derives it from its own region).
 */
function sharingUnwrittenBucketRegion(edits: Record<string, JsonEdit>): Record<string, JsonEdit> {
  const unwritten: JsonEdit = (env) => {
    env.state.bucket = "shop-terraform-state";
    delete env.state.region;
  };
  // The files the case edits come last: the file edited last is the one a clash is told to.
  const files = [DEV, PROD].sort((a, b) => Number(a in edits) - Number(b in edits));
  return Object.fromEntries(
    files.map((file) => [
      file,
      (env: Record<string, any>) => {
        unwritten(env);
        edits[file]?.(env);
      },
    ]),
  );
}

/** Dev moved to eu-west-1. */
const toIreland: JsonEdit = (env) => (env.region = "eu-west-1");
const withAzs: JsonEdit = (env) => {
  toIreland(env);
  env.azs = ["eu-west-1a", "eu-west-1b"];
};

describeRules("an environment moved to another region", [
  {
    rule: "without its AZs: each AZ gets its own suggestion, and the shared bucket the key that keeps it",
    mistake: { edit: sharingUnwrittenBucketRegion({ [DEV]: toIreland }) },
    problems: [
      'environments/dev.json: $.azs[0]: "us-east-1a" is not in region "eu-west-1"; expected an AZ of "eu-west-1", e.g. "eu-west-1a"',
      'environments/dev.json: $.azs[1]: "us-east-1b" is not in region "eu-west-1"; expected an AZ of "eu-west-1", e.g. "eu-west-1b"',
      'environments/dev.json: $.state.region: missing, so the state bucket "shop-terraform-state" would be in "eu-west-1" (from $.region), while environments/prod.json ($.region) has it in "us-east-1"; expected "region": "us-east-1" added to $.state, or a state bucket of its own in $.state.bucket',
    ],
  },
  {
    rule: "with its AZs: the shared bucket's region, to be added where it is missing",
    mistake: { edit: sharingUnwrittenBucketRegion({ [DEV]: withAzs }) },
    problems: [
      'environments/dev.json: $.state.region: missing, so the state bucket "shop-terraform-state" would be in "eu-west-1" (from $.region), while environments/prod.json ($.region) has it in "us-east-1"; expected "region": "us-east-1" added to $.state, or a state bucket of its own in $.state.bucket',
    ],
  },
  {
    rule: "with a written state region: that key, to be changed",
    mistake: {
      edit: sharingUnwrittenBucketRegion({
        [DEV]: (env) => {
          withAzs(env);
          env.state.region = "eu-west-1";
        },
      }),
    },
    problems: [
      'environments/dev.json: $.state.region: "eu-west-1" differs from "us-east-1", where environments/prod.json ($.region) has the state bucket "shop-terraform-state"; expected "us-east-1", or a state bucket of its own in $.state.bucket',
    ],
  },
  {
    rule: "with AZs it partly has: suggestions the other AZs do not have",
    mistake: {
      edit: sharingUnwrittenBucketRegion({
        [DEV]: (env) => {
          toIreland(env);
          env.azs = ["us-east-1a", "eu-west-1a", "us-east-1c"];
        },
      }),
    },
    problems: [
      'environments/dev.json: $.azs[0]: "us-east-1a" is not in region "eu-west-1"; expected an AZ of "eu-west-1", e.g. "eu-west-1b"',
      'environments/dev.json: $.azs[2]: "us-east-1c" is not in region "eu-west-1"; expected an AZ of "eu-west-1", e.g. "eu-west-1c"',
      'environments/dev.json: $.state.region: missing, so the state bucket "shop-terraform-state" would be in "eu-west-1" (from $.region), while environments/prod.json ($.region) has it in "us-east-1"; expected "region": "us-east-1" added to $.state, or a state bucket of its own in $.state.bucket',
    ],
  },
  {
    rule: "the environment whose region changed is the one told, whichever file shares the bucket first",
    mistake: {
      edit: sharingUnwrittenBucketRegion({
        [PROD]: (env) => {
          env.region = "us-west-2";
          env.azs = ["us-west-2a", "us-west-2b"];
        },
      }),
    },
    problems: [
      'environments/prod.json: $.routing.certificateArn: "arn:aws:acm:us-east-1:123456789012:certificate/0a1b2c3d-4e5f-6789-abcd-ef0123456789" is a certificate of region "us-east-1"; expected one in "us-west-2", the load balancer\'s region (request or import it there)',
      'environments/prod.json: $.state.region: missing, so the state bucket "shop-terraform-state" would be in "us-west-2" (from $.region), while environments/dev.json ($.region) has it in "us-east-1"; expected "region": "us-east-1" added to $.state, or a state bucket of its own in $.state.bucket',
      'environments/prod.json: $.backup.copyToRegion: "us-west-2" is the environment\'s own region; expected another region, so the copies survive an outage of "us-west-2"',
    ],
  },
]);

describe("an environment moved to another region, fixed as the messages say", () => {
  it.each([
    ["the shared bucket's region added", { region: "us-east-1" }, "us-east-1"],
    ["a state bucket of its own", { bucket: "shop-dev-terraform-state" }, "eu-west-1"],
  ])("loads with its AZs and %s", (_fix, state, stateRegion) => {
    const root = configProject({
      edit: sharingUnwrittenBucketRegion({
        [DEV]: (env) => {
          withAzs(env);
          Object.assign(env.state, state);
        },
      }),
    });
    const dev = loadProject(root).environments.find((env) => env.name === "dev")!;
    expect([dev.region, dev.state.region]).toEqual(["eu-west-1", stateRegion]);
  });
});
