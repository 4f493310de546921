import { satisfiesConstraint } from "../../../lib/terraform-cli/version-constraint";

describe("satisfiesConstraint", () => {
  it.each([
    ["5.100.0", "5.100.0", true],
    ["5.100.1", "5.100.0", false],
    ["5.100.0", "= 5.100.0", true],
    ["5.100.0", "!= 5.100.0", false],
    ["5.100.0", ">= 5.0, < 6.0", true],
    ["6.0.0", ">= 5.0, < 6.0", false],
    ["5.100.0", "> 5.100.0", false],
    ["5.100.0", "<= 5.100.0", true],
    ["5.100.0", "", true],
  ])("%s against %j: %s", (version, constraint, expected) => {
    expect(satisfiesConstraint(version, constraint)).toBe(expected);
  });

  it("reads ~> with two parts as 'this minor or a later minor of the same major'", () => {
    expect(satisfiesConstraint("5.100.0", "~> 5.1")).toBe(true);
    expect(satisfiesConstraint("5.0.9", "~> 5.1")).toBe(false);
    expect(satisfiesConstraint("6.0.0", "~> 5.1")).toBe(false);
  });

  it("reads ~> with three parts as 'this patch or a later patch of the same minor'", () => {
    expect(satisfiesConstraint("5.100.7", "~> 5.100.0")).toBe(true);
    expect(satisfiesConstraint("5.101.0", "~> 5.100.0")).toBe(false);
  });

  it("accepts a pre-release only when named exactly", () => {
    expect(satisfiesConstraint("6.0.0-beta1", ">= 5.0")).toBe(false);
    expect(satisfiesConstraint("6.0.0-beta1", "6.0.0-beta1")).toBe(true);
  });

  it("treats what is not a version as never satisfying", () => {
    expect(satisfiesConstraint("latest", "")).toBe(false);
  });

  it("rejects a malformed constraint with a message naming it", () => {
    expect(() => satisfiesConstraint("5.100.0", ">= five")).toThrow(
      'Invalid version constraint ">= five": ">= five" is not OPERATOR VERSION',
    );
  });
});
