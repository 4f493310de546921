import { join } from "node:path";
import { ciMatrices } from "../../scripts/ci-matrix";
import { fixtureProjectCopy } from "../support/temp-project";

describe("the workflow's matrices", () => {
  it("are the synthesized stacks and the configured environments with their regions", () => {
    const root = fixtureProjectCopy(join(__dirname, "..", "fixtures", "cost-project"));
    const { stacks, environments } = ciMatrices(root);
    expect([...stacks].sort()).toEqual(["solo", "state"]);
    expect(environments).toEqual([{ name: "solo", region: "us-east-1" }]);
  });
});
