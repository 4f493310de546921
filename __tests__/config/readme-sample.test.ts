import { join } from "node:path";
import { loadProject } from "../../config/load";
import { configSampleReadme } from "../../scripts/config-sample";
import { REPO_ROOT } from "../support/temp-project";

const FIXTURE = join(__dirname, "..", "fixtures", "config-sample");

describe("the README's sample of configuration problems", () => {
  it("is what npm run synth reports on the sample project (npm run config-sample -- --readme)", () => {
    const readme = configSampleReadme(REPO_ROOT);
    expect(readme.current).toBe(readme.expected);
  });

  it("owes every problem to the edits: the sample's committed configuration loads", () => {
    const { environments, services } = loadProject(join(FIXTURE, "committed"));
    expect(environments.map((env) => env.name)).toEqual(["live", "staging"]);
    expect(services.map((service) => service.name)).toEqual(["billing", "catalog"]);
  });
});
