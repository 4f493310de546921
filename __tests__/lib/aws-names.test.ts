import { AWS_NAME_LIMITS, fitName } from "../../lib/aws-names";

describe("fitName", () => {
  it("joins parts with hyphens when the result fits", () => {
    expect(fitName(["shop", "prod", "users"], AWS_NAME_LIMITS.targetGroup)).toBe("shop-prod-users");
  });

  it("shortens deterministically to the limit, keeping a readable head and a hash of the full name", () => {
    const long = ["shop-platform", "staging", "notifications-worker"];
    const name = fitName(long, AWS_NAME_LIMITS.targetGroup);
    expect(name).toHaveLength(32);
    expect(name).toMatch(/^shop-platform-staging-[a-z0-9-]*-[0-9a-f]{6}$/);
    expect(fitName(long, AWS_NAME_LIMITS.targetGroup)).toBe(name);
  });

  it("keeps two long names that differ only at the end apart", () => {
    const a = fitName(["a-very-long-project-name", "production", "service-one"], 32);
    const b = fitName(["a-very-long-project-name", "production", "service-two"], 32);
    expect(a).not.toBe(b);
    expect(a.length).toBeLessThanOrEqual(32);
    expect(b.length).toBeLessThanOrEqual(32);
  });

  it("never leaves a double hyphen where the head was cut", () => {
    const name = fitName(["abcdefghijklmnopqrstuvwx", "yz-extra-long-tail"], 32);
    expect(name).toMatch(/^abcdefghijklmnopqrstuvwx-[0-9a-f]{6}$/);
    expect(name).not.toMatch(/--/);
  });
});
