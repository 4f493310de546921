import { replaceGeneratedBlock } from "../../lib/generated-block";

const BLOCK = { name: "demo", command: "npm run demo" };

describe("generated blocks in Markdown", () => {
  const written = replaceGeneratedBlock("# Title\n\nProse.\n", BLOCK, "first");

  it("appends the block, with its markers, to a file that has none", () => {
    expect(written).toBe(
      "# Title\n\nProse.\n\n<!-- BEGIN GENERATED demo: written by `npm run demo`, do not edit -->\n\nfirst\n\n<!-- END GENERATED demo -->\n",
    );
  });

  it("replaces only what is between the markers, keeping the prose around them", () => {
    const withTail = `${written}\nAfter.\n`;
    const rewritten = replaceGeneratedBlock(withTail, BLOCK, "second");
    expect(rewritten).toContain("# Title\n\nProse.\n");
    expect(rewritten).toContain("\n\nsecond\n\n");
    expect(rewritten).not.toContain("first");
    expect(rewritten.endsWith("\nAfter.\n")).toBe(true);
    expect(replaceGeneratedBlock(rewritten, BLOCK, "second")).toBe(rewritten);
  });

  it("refuses a file whose markers are incomplete, or a missing block that must be placed by hand", () => {
    expect(() => replaceGeneratedBlock("<!-- END GENERATED demo -->", BLOCK, "x")).toThrow(
      /markers of the generated block "demo" are incomplete/,
    );
    expect(() => replaceGeneratedBlock("# Title\n", BLOCK, "x", { required: true })).toThrow(
      /no generated block "demo"/,
    );
  });
});
