import type { TerraformStack } from "cdktf";
import type { IConstruct } from "constructs";
import { suppress, type PolicyRule, type RuleId } from "../../policy";
import { formatViolation } from "../../policy";
import { fullSynth, POLICY_STACK, violationsOf } from "./policy-stack";

/** One rule, shown failing on an offending element, passing once fixed, and suppressed. */
export interface PolicyRuleCase {
  readonly title: string;
  readonly rule: PolicyRule;
  /** Adds what breaks the rule; returns the construct a suppression would name. */
  readonly violating: (stack: TerraformStack) => IConstruct;
  /** The same, fixed: the stack passes the whole policy. */
  readonly compliant: (stack: TerraformStack) => void;
  /** What the rule reports: the element's path below the stack, and the problem. */
  readonly findings: readonly (readonly [path: string, problem: string, fix?: string])[];
}

const REASON = "a deliberate exception, accepted for this test with its reason";

/** The exact lines of a rule's violations. */
export function expectedLines(rule: PolicyRule, findings: PolicyRuleCase["findings"]): string[] {
  return findings.map(([path, problem, fix]) =>
    formatViolation({
      path: `${POLICY_STACK}/${path}`,
      ruleId: rule.id,
      title: rule.title,
      problem,
      fix: fix ?? rule.fix,
    }),
  );
}

/** Each case as three tests: fails with exactly its lines, passes fixed, passes suppressed. */
export function describePolicyRules(title: string, cases: readonly PolicyRuleCase[]): void {
  describe(title, () => {
    describe.each(cases.map((c) => [`${c.rule.id} ${c.title}`, c] as const))("%s", (_, c) => {
      it("fails synthesis with one line per finding", () => {
        const lines = violationsOf(c.violating)
          .filter((v) => v.ruleId === c.rule.id)
          .map(formatViolation);
        expect(lines).toEqual(expectedLines(c.rule, c.findings));
      });

      it("passes once fixed", () => {
        expect(violationsOf(c.compliant).map(formatViolation)).toEqual([]);
      });

      it("passes when suppressed in code, and the synthesized JSON says why", () => {
        const build = (stack: TerraformStack) =>
          suppress(c.violating(stack), c.rule.id as RuleId, REASON);
        expect(violationsOf(build).filter((v) => v.ruleId === c.rule.id)).toEqual([]);
        const suppressed = fullSynth(build)["//"]?.security_policy?.suppressed;
        expect(suppressed).toEqual(
          expect.arrayContaining(
            [...new Set(c.findings.map(([path]) => path))].map((path) =>
              expect.objectContaining({
                path: `${POLICY_STACK}/${path}`,
                rule: c.rule.id,
                reason: REASON,
              }),
            ),
          ),
        );
      });
    });
  });
}
