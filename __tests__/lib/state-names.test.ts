import { stateKeyAlias } from "../../lib/names/state";

describe("stateKeyAlias", () => {
  it("names the state key after its bucket, under a prefix of its own", () => {
    expect(stateKeyAlias("shop-terraform-state")).toBe(
      "alias/terraform-state/shop-terraform-state",
    );
  });

  it("turns the dots a bucket name may have into hyphens, which KMS aliases accept", () => {
    expect(stateKeyAlias("state.example.com")).toBe("alias/terraform-state/state-example-com");
    expect(stateKeyAlias("state.example.com")).toMatch(/^alias\/[A-Za-z0-9/_-]+$/);
  });

  it("keeps a bucket named aws-... clear of the reserved alias/aws prefix", () => {
    expect(stateKeyAlias("aws-state")).not.toMatch(/^alias\/aws/);
  });
});
