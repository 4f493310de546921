import {
  OFFLINE_PROVIDER_FLAGS,
  offlineOverride,
} from "../../../lib/offline-plan/offline-override";
import type { StackConfig } from "../../../lib/offline-plan/synthesized-stack";

const KEYS = { accessKey: "test-key", secretKey: "test-secret" };
const OFFLINE = { access_key: "test-key", secret_key: "test-secret", ...OFFLINE_PROVIDER_FLAGS };

const twoRegions: StackConfig = {
  terraform: {
    required_providers: {
      aws: { source: "aws", version: "5.100.0" },
      random: { source: "hashicorp/random", version: "3.6.0" },
    },
  },
  provider: {
    aws: [
      { region: "us-east-1", default_tags: [{ tags: { Project: "shop" } }] },
      { alias: "replica", region: "eu-west-1" },
    ],
    random: [{}],
  },
};

describe("offlineOverride", () => {
  it("gives every AWS provider block, matched by alias, stand-in keys and the skip flags", () => {
    expect(offlineOverride(twoRegions, KEYS).provider).toEqual({
      aws: [OFFLINE, { alias: "replica", ...OFFLINE }],
    });
  });

  it("changes nothing but credentials and checks: region and tags stay as synthesized", () => {
    const [primary] = offlineOverride(twoRegions, KEYS).provider?.aws ?? [];
    expect(primary).not.toHaveProperty("region");
    expect(primary).not.toHaveProperty("default_tags");
  });

  it("leaves other providers alone", () => {
    expect(offlineOverride(twoRegions, KEYS).provider).not.toHaveProperty("random");
  });

  it("recognizes AWS under another local name, and a single block written as an object", () => {
    const config: StackConfig = {
      terraform: { required_providers: { amazon: { source: "hashicorp/aws" } } },
      provider: { amazon: { region: "us-west-2" } },
    };
    expect(offlineOverride(config, KEYS).provider).toEqual({ amazon: [OFFLINE] });
  });

  it("lifts account restrictions, which cannot be checked without asking AWS", () => {
    const config: StackConfig = {
      terraform: { required_providers: { aws: { source: "aws" } } },
      provider: { aws: [{ region: "us-east-1", allowed_account_ids: ["123456789012"] }] },
    };
    expect(offlineOverride(config, KEYS).provider?.aws).toEqual([
      { ...OFFLINE, allowed_account_ids: null },
    ]);
  });

  it("restates an S3 backend with account restrictions without them, keeping the rest", () => {
    const backend = { bucket: "b", key: "k", region: "us-east-1", encrypt: true };
    const config: StackConfig = {
      terraform: { backend: { s3: { ...backend, allowed_account_ids: ["123456789012"] } } },
    };
    expect(offlineOverride(config, KEYS).terraform).toEqual({ backend: { s3: backend } });
  });

  it("leaves an unrestricted backend to the synthesized block", () => {
    const config: StackConfig = { terraform: { backend: { s3: { bucket: "b" } } } };
    expect(offlineOverride(config, KEYS)).toEqual({});
  });
});
