// `npm run --silent ci-matrix`: synthesizes the project and prints the GitHub Actions matrices
// (as GITHUB_OUTPUT lines), so the workflow runs a job per stack and per environment without a
// list of either kept in the workflow:
//   stacks=["state","dev","prod"]
//   environments=[{"name":"dev","region":"us-east-1"},…]
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadProject } from "../config/load";
import { readSynthesizedStacks } from "../lib/offline-plan/synthesized-stack";
import { synthesize } from "../main";
import { exitOnError } from "../stacks/error-report";

export function ciMatrices(root: string): { stacks: string[]; environments: object[] } {
  const dir = mkdtempSync(join(tmpdir(), "ci-matrix-"));
  try {
    synthesize(root, join(dir, "cdktf.out"));
    return {
      stacks: readSynthesizedStacks(join(dir, "cdktf.out")).map((s) => s.name),
      environments: loadProject(root).environments.map((e) => ({ name: e.name, region: e.region })),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  exitOnError(() => {
    const { stacks, environments } = ciMatrices(process.cwd());
    console.log(`stacks=${JSON.stringify(stacks)}`);
    console.log(`environments=${JSON.stringify(environments)}`);
  });
}
