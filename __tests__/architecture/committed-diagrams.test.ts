import { diagramChanges } from "../../scripts/diagram";
import { REPO_ROOT } from "../support/temp-project";

describe("committed architecture diagrams", () => {
  it("are what the configuration draws (docs/architecture-<env>.svg and the README's Mermaid block)", () => {
    const changes = diagramChanges(REPO_ROOT);
    expect(changes.some((c) => c.path.endsWith(".svg"))).toBe(true);
    const stale = changes.filter((c) => c.current !== c.expected).map((c) => c.path);
    expect(stale).toEqual([]);
  });
});
