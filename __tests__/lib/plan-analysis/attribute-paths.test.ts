import {
  changedAttributePaths,
  formatAttributePath,
} from "../../../lib/plan-analysis/attribute-paths";

const formatted = (before: unknown, after: unknown, unknown: unknown = {}): string[] =>
  changedAttributePaths(before, after, unknown).map(formatAttributePath);

describe("formatAttributePath", () => {
  it("joins keys with dots and shows list indexes in brackets", () => {
    expect(formatAttributePath(["ingress", 0, "cidr_blocks", 1])).toBe("ingress[0].cidr_blocks[1]");
  });

  it("quotes keys that are not identifiers", () => {
    expect(formatAttributePath(["tags", "aws:cloudformation:stack"])).toBe(
      'tags["aws:cloudformation:stack"]',
    );
  });
});

describe("changedAttributePaths", () => {
  it("names each changed leaf, not the unchanged ones", () => {
    expect(
      formatted(
        { name: "a", port: 80, tags: { Name: "x", Team: "y" } },
        { name: "b", port: 80, tags: { Name: "x", Team: "z" } },
      ),
    ).toEqual(["name", "tags.Team"]);
  });

  it("names an added and a removed key", () => {
    expect(formatted({ tags: { Old: "1" } }, { tags: { New: "1" } })).toEqual([
      "tags.New",
      "tags.Old",
    ]);
  });

  it("counts a value known only after apply as changed", () => {
    expect(formatted({ arn: "arn:1", name: "a" }, { arn: null, name: "a" }, { arn: true })).toEqual(
      ["arn"],
    );
  });

  it("descends into lists of the same length by index", () => {
    expect(
      formatted({ rule: [{ port: 80 }, { port: 443 }] }, { rule: [{ port: 80 }, { port: 8443 }] }),
    ).toEqual(["rule[1].port"]);
  });

  it("reports a list whose length changes as one change", () => {
    expect(formatted({ azs: ["a", "b"] }, { azs: ["a", "b", "c"] })).toEqual(["azs"]);
  });

  it("treats a missing value and null alike, and a block that appears as one change", () => {
    expect(formatted({ a: null, block: null }, { block: [{ x: 1 }] })).toEqual(["block"]);
  });

  it("finds nothing when before and after are equal", () => {
    expect(formatted({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] })).toEqual([]);
  });
});
