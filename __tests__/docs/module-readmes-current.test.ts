import { moduleReadmes } from "../../lib/module-docs/module-readmes";
import { REPO_ROOT } from "../support/temp-project";

describe("module READMEs", () => {
  it("hold the inputs and outputs tables their modules' source gives (npm run docs)", () => {
    const readmes = moduleReadmes(REPO_ROOT);
    expect(readmes.length).toBeGreaterThan(0);
    const stale = readmes.filter((r) => r.current !== r.expected).map((r) => r.path);
    expect(stale).toEqual([]);
  });
});
