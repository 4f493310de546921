import fc from "fast-check";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { loadProject } from "../../config/load";
import { ConfigError } from "../../config/problems";
import { validProject, writeProject, type Json } from "../support/config-arbitraries";
import { MUTATION_COUNTS, mutationOf } from "../support/config-mutations";
import { synthEnvironmentStack } from "../support/stacks";

/** A valid project, and one invalid change to one field of one of its files. */
const mutatedProject = fc
  .tuple(
    validProject,
    fc.constantFrom("environment" as const, "service" as const),
    fc.nat(),
    fc.nat(),
  )
  .map(([project, kind, which, target]) => ({
    project,
    mutation: mutationOf(project, kind, which % MUTATION_COUNTS[kind], target),
  }));

/** Changes one JSON file of a project in place. */
function editFile(root: string, file: string, apply: (json: Json) => void): void {
  const path = join(root, file);
  const json = JSON.parse(readFileSync(path, "utf8"));
  apply(json);
  writeFileSync(path, JSON.stringify(json, null, 2));
}

/** Where loading the project finds problems, as "file: path"; none when it loads. */
function problemLocations(root: string): string[] {
  try {
    loadProject(root);
    return [];
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return error.problems.map((problem) => `${problem.file}: ${problem.path}`);
  }
}

describe("randomly generated configurations", () => {
  it("pass validation when valid, and synthesize a service per manifest in every environment", () => {
    fc.assert(
      fc.property(validProject, (project) => {
        const { environments } = loadProject(writeProject(project));
        expect(environments).toHaveLength(project.environments.length);
        for (const env of environments) {
          const imageTags = Object.fromEntries(
            env.services.map((s) => [s.name, "0123456789abcdef"]),
          );
          const synth = synthEnvironmentStack(env, { imageTags, projectDir: "../../.." });
          expect(Object.keys(synth.resources("aws_ecs_service"))).toHaveLength(
            project.services.length,
          );
        }
      }),
      { numRuns: 12 },
    );
  });

  it("are rejected after one invalid change, with one problem, at the changed field: no follow-on errors", () => {
    fc.assert(
      fc.property(mutatedProject, ({ project, mutation }) => {
        const root = writeProject(project);
        editFile(root, mutation.file, mutation.apply);
        expect({ mutation: mutation.description, problems: problemLocations(root) }).toEqual({
          mutation: mutation.description,
          problems: [`${mutation.file}: ${mutation.path}`],
        });
      }),
      { numRuns: 200 },
    );
  });
});

/**
 * A schema mistake per file in a required value that no check of another file reads: the file
 * stays in the semantic checks, which see past it.
 */
const UNRELATED_MISTAKES = {
  environment: { path: "$.state.lock", apply: (env: Json) => (env.state.lock = "none") },
  service: { path: "$.healthCheck.path", apply: (svc: Json) => (svc.healthCheck.path = 5) },
};

describe("randomly generated configurations with a schema mistake in every file", () => {
  it("still report one problem at any changed field, and one per file for the mistakes", () => {
    fc.assert(
      fc.property(mutatedProject, ({ project, mutation }) => {
        const root = writeProject(project);
        const files = [
          ...project.environments.map((env) => ({
            file: `environments/${env.name}.json`,
            mistake: UNRELATED_MISTAKES.environment,
          })),
          ...project.services.map((svc) => ({
            file: `services/${svc.name}/service.json`,
            mistake: UNRELATED_MISTAKES.service,
          })),
        ];
        for (const { file, mistake } of files) editFile(root, file, mistake.apply);
        editFile(root, mutation.file, mutation.apply);
        const mistakes = files
          .filter(({ file, mistake }) => file !== mutation.file || mistake.path !== mutation.path)
          .map(({ file, mistake }) => `${file}: ${mistake.path}`);
        const expected = [`${mutation.file}: ${mutation.path}`, ...mistakes];
        expect({
          mutation: mutation.description,
          problems: problemLocations(root).sort(),
        }).toEqual({
          mutation: mutation.description,
          problems: expected.sort(),
        });
      }),
      { numRuns: 100 },
    );
  });
});
