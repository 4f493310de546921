import { randomBytes } from "node:crypto";
import { maskSecret, secretSuspicion } from "../../lib/secret-detection";

describe("secretSuspicion", () => {
  it.each([
    ["DB_PASSWORD", "hunter2", "its name says it is a secret"],
    ["JWT_SECRET", "s3cr3t", "its name says it is a secret"],
    ["GITHUB_TOKEN", "abc", "its name says it is a secret"],
    ["STRIPE_API_KEY", "abc", "its name says it is a secret"],
    ["SSH_PRIVATE_KEY", "abc", "its name says it is a secret"],
    ["UPSTREAM", "AKIAIOSFODNN7EXAMPLE", "the value looks like an AWS access key ID"],
    ["CERT", "-----BEGIN EC PRIVATE KEY-----\nMHcC", "the value looks like a private key"],
    ["HOOK", "xoxb-1234567890-abcdefghij", "the value looks like a Slack token"],
    ["AUTH", "q8Zr2LmX9vT4kPw7Yb3NcJ6h", "the value looks like a random token"],
  ])("flags %s=%j: %s", (name, value, why) => expect(secretSuspicion(name, value)).toBe(why));

  it.each([
    ["LOG_LEVEL", "info"],
    ["TOKEN_TTL_SECONDS", "300"],
    ["DB_PASSWORD_SECRET_ARN", "arn:aws:secretsmanager:us-east-1:123456789012:secret:db"],
    ["DB_PASSWORD", ""],
    ["GIT_SHA", "da39a3ee5e6b4b0d3255bfef95601890afd80709"],
    ["REQUEST_ID_HEADER", "550e8400-e29b-41d4-a716-446655440000"],
    ["HANDLER", "ProductsServiceHandlerFactory"],
    ["FEATURE", "EnableCheckoutForUsersInEurope"],
    ["USERS_URL", "http://users:8000/api/v1"],
  ])("leaves %s=%j alone", (name, value) => expect(secretSuspicion(name, value)).toBeUndefined());

  it("recognises most random base64 tokens of 30 bytes by their value alone", () => {
    const tokens = Array.from({ length: 200 }, () => randomBytes(30).toString("base64"));
    const flagged = tokens.filter((token) => secretSuspicion("VALUE", token) !== undefined);
    expect(flagged.length).toBeGreaterThan(180);
  });
});

describe("maskSecret", () => {
  it("shows a long value's first four characters and its length, a short one's length only", () => {
    expect(maskSecret("AKIAIOSFODNN7EXAMPLE")).toBe('"AKIA…" (20 characters)');
    expect(maskSecret("hunter2")).toBe("a 7-character value");
  });
});
