import { tagKeyProblem, tagValueProblem } from "../../lib/aws-tags";

describe("AWS tag rules", () => {
  it.each(["CostCenter", "team:owner", "Kostenstelle Ä", "a/b=c+d-e@f_g.h"])(
    "accepts the key %j",
    (key) => expect(tagKeyProblem(key)).toBeUndefined(),
  );

  it.each([
    ["", "is empty"],
    ["k".repeat(129), "is 129 characters long, more than the 128 AWS allows"],
    ["aws:team", 'starts with "aws:", which AWS reserves for its own tags'],
    ["AWS:team", 'starts with "aws:", which AWS reserves for its own tags'],
    ["team#1", 'has "#", which AWS does not allow in tags'],
  ])("refuses the key %j: %s", (key, why) => expect(tagKeyProblem(key)).toBe(why));

  it("allows an empty value and refuses a long one or one with other characters", () => {
    expect(tagValueProblem("")).toBeUndefined();
    expect(tagValueProblem("v".repeat(257))).toBe(
      "is 257 characters long, more than the 256 AWS allows",
    );
    expect(tagValueProblem("a*b!")).toBe('has "*", "!", which AWS does not allow in tags');
  });
});
