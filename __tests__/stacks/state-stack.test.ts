import type { EnvironmentConfig } from "../../config/model";
import { stateStoresByRegion } from "../../stacks/state-stack";
import { PROJECT, synthEnvironmentStack, synthStateStack } from "../support/stacks";

const backendOf = (env: EnvironmentConfig) => {
  const synth = synthEnvironmentStack(env);
  return (synth.json.terraform as { backend: { s3: Record<string, string> } }).backend.s3;
};

/** An environment of the repository with its state settings replaced. */
const withState = (
  env: EnvironmentConfig,
  state: Partial<EnvironmentConfig["state"]>,
  accountId?: string,
): EnvironmentConfig => ({ ...env, accountId, state: { ...env.state, ...state } });

describe("the state stack", () => {
  const synth = synthStateStack(PROJECT.environments);

  it("keeps its own state in a local file outside cdktf.out", () => {
    expect(synth.json.terraform).toMatchObject({
      backend: { local: { path: "/project/terraform.state.tfstate" } },
    });
  });

  it("creates the one bucket dev and prod share and prod's DynamoDB lock table, once each", () => {
    expect(Object.values(synth.resources("aws_s3_bucket")).map((b) => b.bucket)).toEqual([
      undefined, // the state bucket's log bucket, named by S3 from its prefix
      "shop-terraform-state",
    ]);
    expect(Object.values(synth.resources("aws_dynamodb_table")).map((t) => t.name)).toEqual([
      "shop-terraform-locks",
    ]);
  });

  it("names exactly what every environment's S3 backend uses: bucket, region, key alias, lock table", () => {
    const alias = synth.resource("aws_kms_alias").name;
    const lockTables = Object.values(synth.resources("aws_dynamodb_table")).map((t) => t.name);
    for (const env of PROJECT.environments) {
      const backend = backendOf(env);
      expect(backend.bucket).toBe(
        synth.resourceAt("aws_s3_bucket", "bucket-shop-terraform-state_bucket").bucket,
      );
      expect(backend.region).toBe(synth.json.provider!.aws[0].region);
      expect(backend.kms_key_id).toBe(alias);
      if (backend.dynamodb_table) expect(lockTables).toContain(backend.dynamodb_table);
    }
  });

  it("hardens the bucket and its log bucket: versioned, encrypted, private, TLS-only, old versions expired", () => {
    for (const type of [
      "aws_s3_bucket_versioning",
      "aws_s3_bucket_server_side_encryption_configuration",
      "aws_s3_bucket_public_access_block",
      "aws_s3_bucket_ownership_controls",
      "aws_s3_bucket_policy",
      "aws_s3_bucket_lifecycle_configuration",
    ]) {
      expect(Object.keys(synth.resources(type))).toHaveLength(2);
    }
    expect(synth.resource("aws_kms_key").enable_key_rotation).toBe(true);
  });

  it("tags its resources through the provider", () => {
    expect(synth.json.provider!.aws[0]).toMatchObject({
      region: "us-east-1",
      default_tags: [{ tags: { Project: "shop", Purpose: "terraform-state", ManagedBy: "cdktf" } }],
    });
  });

  it("puts stores of a second region behind an aliased provider of that region", () => {
    const [dev, prod] = PROJECT.environments;
    const twoRegions = synthStateStack([
      dev,
      withState(prod, { region: "eu-west-1", bucket: "shop-eu-state", dynamodbTable: "eu-locks" }),
    ]);
    const providers = twoRegions.json.provider!.aws;
    expect(providers.map((p) => [p.region, p.alias])).toEqual([
      ["us-east-1", undefined],
      ["eu-west-1", "eu-west-1"],
    ]);
    const euBucket = Object.values(twoRegions.resources("aws_s3_bucket")).find(
      (b) => b.bucket === "shop-eu-state",
    )!;
    expect(euBucket.provider).toBe("aws.eu-west-1");
    const usBucket = Object.values(twoRegions.resources("aws_s3_bucket")).find(
      (b) => b.bucket === "shop-terraform-state",
    )!;
    expect(usBucket.provider).toBeUndefined();
  });
});

describe("stateStoresByRegion", () => {
  const [dev, prod] = PROJECT.environments;

  it("lists each bucket and lock table once per region", () => {
    expect(stateStoresByRegion(PROJECT.environments)).toEqual([
      {
        region: "us-east-1",
        buckets: ["shop-terraform-state"],
        lockTables: ["shop-terraform-locks"],
        accountId: undefined,
        projects: ["shop"],
      },
    ]);
  });

  it("restricts the provider to an account only when every environment of the region names that one", () => {
    const both = stateStoresByRegion([
      withState(dev, {}, "111122223333"),
      withState(prod, {}, "111122223333"),
    ]);
    expect(both[0].accountId).toBe("111122223333");
    expect(stateStoresByRegion([withState(dev, {}, "111122223333"), prod])[0].accountId).toBe(
      undefined,
    );
  });
});
