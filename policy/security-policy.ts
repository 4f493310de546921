import {
  Annotations,
  Aspects,
  TerraformResource,
  TerraformStack,
  type App,
  type IAspect,
} from "cdktf";
import type { IConstruct } from "constructs";
import { elementType, isInspectable, StackInventory, type InspectedElement } from "./inventory";
import { PolicyViolationError, type PolicyViolation } from "./report";
import type { Finding, PolicyRule } from "./rule";
import { RULES } from "./rules";
import { declaredOn, suppressionsAt, type Suppression } from "./suppressions";

/** What one check of one stack found. */
interface StackCheck {
  inventory?: StackInventory;
  readonly violations: PolicyViolation[];
  readonly usedSuppressions: Set<Suppression>;
  /** Every finding a suppression covered, by element path: the stack's `//` comment lists them. */
  readonly suppressed: { path: string; findings: SuppressedFindings[] }[];
}

/** What the findings a suppression covered look like in the resource's `//` comment. */
interface SuppressedFindings {
  readonly rule: string;
  readonly reason: string;
  readonly accepted: string[];
}

/**
 * The security policy as a cdktf Aspect. Visiting a stack starts a new check; visiting one of its
 * resources or data sources runs every rule that applies to its type against its synthesized
 * attributes. Findings a suppression covers are recorded in the element's `//` comment with the
 * reason; the others are violations, which the stack's validation (see applySecurityPolicy)
 * turns into a failed synthesis.
 */
export class SecurityPolicy implements IAspect {
  private readonly checks = new WeakMap<TerraformStack, StackCheck>();

  constructor(private readonly rules: readonly PolicyRule[] = RULES) {}

  visit(node: IConstruct): void {
    if (TerraformStack.isStack(node)) {
      this.checks.set(node, { violations: [], usedSuppressions: new Set(), suppressed: [] });
      return;
    }
    if (!isInspectable(node)) return;
    const rules = this.rules.filter((rule) => rule.appliesTo.includes(elementType(node)));
    const check = this.checks.get(TerraformStack.of(node));
    if (rules.length === 0 || !check) return;
    check.inventory ??= new StackInventory(TerraformStack.of(node));
    const element = check.inventory.elementOf(node);
    if (element) this.inspect(element, rules, check);
  }

  private inspect(
    element: InspectedElement,
    rules: readonly PolicyRule[],
    check: StackCheck,
  ): void {
    const inForce = suppressionsAt(element.construct).map((d) => d.suppression);
    const suppressed = new Map<Suppression, SuppressedFindings>();
    for (const rule of rules) {
      for (const finding of rule.check(element, check.inventory!)) {
        const suppression = inForce.find((s) => covers(s, rule, finding));
        if (!suppression) {
          check.violations.push({
            path: element.path,
            ruleId: rule.id,
            title: rule.title,
            problem: finding.problem,
            fix: finding.fix ?? rule.fix,
          });
          continue;
        }
        check.usedSuppressions.add(suppression);
        const record = suppressed.get(suppression) ?? {
          rule: rule.id,
          reason: suppression.reason,
          accepted: [],
        };
        record.accepted.push(finding.problem);
        suppressed.set(suppression, record);
      }
    }
    if (suppressed.size === 0) return;
    // Terraform ignores "//" keys: the place for what reviewers of cdk.tf.json should read. A
    // resource carries its own; the stack lists all (a data source's "//" cannot be extended).
    const findings = [...suppressed.values()];
    if (TerraformResource.isTerraformResource(element.construct)) {
      element.construct.addOverride("//.security_policy.suppressed", findings);
    }
    check.suppressed.push({ path: element.path, findings });
    TerraformStack.of(element.construct).addOverride(
      "//.security_policy.suppressed",
      check.suppressed.flatMap(({ path, findings }) => findings.map((f) => ({ path, ...f }))),
    );
  }

  /** The stack's violations, and a warning for each suppression that covered nothing. */
  conclude(stack: TerraformStack): { violations: PolicyViolation[]; warnings: string[] } {
    const check = this.checks.get(stack);
    if (!check) return { violations: [], warnings: [] };
    const warnings = stack.node
      .findAll()
      .flatMap(declaredOn)
      .filter(({ suppression }) => !check.usedSuppressions.has(suppression))
      .map(({ scope, suppression }) => {
        const warning = `suppression of ${suppression.ruleId} covers no finding; remove it`;
        Annotations.of(scope).addWarning(warning);
        return `${scope.node.path}: ${warning}`;
      });
    return { violations: check.violations, warnings };
  }
}

function covers(suppression: Suppression, rule: PolicyRule, finding: Finding): boolean {
  if (suppression.ruleId !== rule.id) return false;
  if (!suppression.subjects) return true;
  return finding.subject !== undefined && suppression.subjects.includes(finding.subject);
}

/** Gathers the violations of every stack of an app, to fail its synthesis once, with all of them. */
export class PolicyCollector {
  readonly violations: PolicyViolation[] = [];
  readonly warnings: string[] = [];
}

const collectors = new WeakMap<IConstruct, PolicyCollector>();
const applied = new WeakSet<TerraformStack>();

/**
 * Makes `app.synth()` check every stack before it fails: each stack's violations are collected,
 * and the app's validation (after the last stack) throws one PolicyViolationError with all of
 * them. Without it, each stack fails alone, at its own validation.
 */
export function collectViolationsAcrossStacks(app: App): PolicyCollector {
  const collector = new PolicyCollector();
  collectors.set(app, collector);
  app.node.addValidation({
    validate: () => {
      if (collector.violations.length > 0) throw new PolicyViolationError(collector.violations);
      return [];
    },
  });
  return collector;
}

/**
 * Puts a stack under the security policy: the aspect inspects every element at synthesis, and a
 * validation of the stack fails synthesis with every violation found (`app.synth()`, `cdktf
 * synth`, `Testing.synth(stack, true)`), or hands them to the app's collector.
 */
export function applySecurityPolicy(stack: TerraformStack): void {
  if (applied.has(stack)) return;
  applied.add(stack);
  const policy = new SecurityPolicy();
  Aspects.of(stack).add(policy);
  stack.node.addValidation({
    validate: () => {
      const { violations, warnings } = policy.conclude(stack);
      const collector = collectors.get(stack.node.root);
      if (collector) {
        collector.violations.push(...violations);
        collector.warnings.push(...warnings);
      } else if (violations.length > 0) {
        throw new PolicyViolationError(violations);
      }
      return [];
    },
  });
}
