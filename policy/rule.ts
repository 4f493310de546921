import type { InspectedElement, StackInventory } from "./inventory";

/** One thing a rule found wrong with an element. */
export interface Finding {
  /** What is wrong, in the element's own terms, e.g. `retention_in_days is not set`. */
  readonly problem: string;
  /**
   * What part of the element the finding is about, when a suppression may name it alone, e.g.
   * the sid of one IAM statement. @default the whole element
   */
  readonly subject?: string;
  /** How to fix this finding, when more specific than the rule's fix. @default the rule's fix */
  readonly fix?: string;
}

/** The ids of the same check in the public rule sets the policy follows. */
export interface RuleReferences {
  readonly checkov: readonly string[];
  /** tfsec / trivy (AVD) ids. */
  readonly trivy: readonly string[];
  readonly cdkNag: readonly string[];
}

/**
 * A rule of the security policy: which Terraform elements it inspects (resource types, and data
 * sources as `data.<type>`), what it expects of them, and how to fix what it finds.
 */
export interface PolicyRule<Id extends string = string> {
  readonly id: Id;
  readonly title: string;
  readonly references: RuleReferences;
  /** The usual fix, shown after each finding. */
  readonly fix: string;
  readonly appliesTo: readonly string[];
  /** Every finding about one element; the inventory answers questions about the rest of its stack. */
  check(element: InspectedElement, inventory: StackInventory): readonly Finding[];
}

/** Declares a rule, keeping its id as a literal type (suppressions are typed by the known ids). */
export function defineRule<const Id extends string>(rule: PolicyRule<Id>): PolicyRule<Id> {
  return rule;
}
