/** One finding no suppression covers: it fails synthesis. */
export interface PolicyViolation {
  /** The construct path of the element, starting with its stack's name. */
  readonly path: string;
  readonly ruleId: string;
  readonly title: string;
  readonly problem: string;
  readonly fix: string;
}

/** `<stack>/<construct path>: <rule id> <title>: <what is wrong>; fix: <how>` */
export function formatViolation(violation: PolicyViolation): string {
  return `${violation.path}: ${violation.ruleId} ${violation.title}: ${violation.problem}; fix: ${violation.fix}`;
}

/** Synthesis stopped by the security policy: every violation found, in every stack checked. */
export class PolicyViolationError extends Error {
  constructor(public readonly violations: readonly PolicyViolation[]) {
    super(
      `security policy: ${violations.length} violation(s)\n${violations.map(formatViolation).join("\n")}`,
    );
    this.name = "PolicyViolationError";
  }
}
