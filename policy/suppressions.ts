import type { IConstruct } from "constructs";
import { RULES, type RuleId } from "./rules";

const SUPPRESSION = "security-policy:suppression";
/** Shorter reasons say nothing a reviewer can check ("n/a", "todo", "legacy"). */
const MIN_REASON_LENGTH = 20;

export interface SuppressionOptions {
  /**
   * Suppress only the findings about these subjects (an IAM statement's sid, an environment
   * variable's name, a volume's name...). @default every finding of the rule
   */
  readonly subjects?: readonly string[];
}

/** A deliberate exception to one rule, declared on a construct for it and everything below it. */
export interface Suppression extends SuppressionOptions {
  readonly ruleId: RuleId;
  readonly reason: string;
}

/** A suppression and the construct it was declared on. */
export interface DeclaredSuppression {
  readonly scope: IConstruct;
  readonly suppression: Suppression;
}

/**
 * Accepts the findings of one rule on a construct and everything below it, for a reason the
 * synthesized JSON repeats next to each finding it covers (in the resource's `//` comment), so
 * reviewers of cdk.tf.json see both. The rule must exist and the reason must say why the
 * exception is safe; a suppression that covers nothing is reported as a warning at synthesis.
 */
export function suppress(
  scope: IConstruct,
  ruleId: RuleId,
  reason: string,
  options: SuppressionOptions = {},
): void {
  const where = scope.node.path || "the app";
  if (!RULES.some((rule) => rule.id === ruleId)) {
    throw new Error(
      `${where}: cannot suppress unknown rule "${String(ruleId)}"; expected one of ${RULES.map((r) => r.id).join(", ")}`,
    );
  }
  if (reason.trim().length < MIN_REASON_LENGTH) {
    throw new Error(
      `${where}: the suppression of ${ruleId} needs a reason of at least ${MIN_REASON_LENGTH} characters saying why the exception is safe; got ${JSON.stringify(reason)}`,
    );
  }
  if (options.subjects?.length === 0) {
    throw new Error(
      `${where}: the suppression of ${ruleId} names no subject; omit subjects to suppress every finding`,
    );
  }
  const suppression: Suppression = { ruleId, reason: reason.trim(), subjects: options.subjects };
  scope.node.addMetadata(SUPPRESSION, suppression);
}

/** The suppressions declared on a construct itself. */
export function declaredOn(scope: IConstruct): DeclaredSuppression[] {
  return scope.node.metadata
    .filter((entry) => entry.type === SUPPRESSION)
    .map((entry) => ({ scope, suppression: entry.data as Suppression }));
}

/** The suppressions in force at a construct: its own and its ancestors'. */
export function suppressionsAt(construct: IConstruct): DeclaredSuppression[] {
  return construct.node.scopes.flatMap(declaredOn);
}
