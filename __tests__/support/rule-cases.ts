import { configProject, problemsOf, type ConfigProjectOptions } from "./config-project";

/** One configuration rule: a mistake made in a copy of the repository's configuration, and the exact report. */
export interface RuleCase {
  readonly rule: string;
  readonly mistake: ConfigProjectOptions;
  readonly problems: readonly string[];
}

/** Runs each case as its own test: loading the mistaken project reports exactly its problems. */
export function describeRules(title: string, cases: readonly RuleCase[]): void {
  describe(title, () => {
    it.each(cases.map((c) => [c.rule, c] as const))("%s", (_rule, { mistake, problems }) => {
      expect(problemsOf(configProject(mistake))).toEqual(problems);
    });
  });
}
