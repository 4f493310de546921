/** A version as Terraform's provider versions are written: `5.100.0`, `1.2.0-beta1`. */
interface Version {
  readonly numbers: readonly number[];
  readonly prerelease: string;
}

type Operator = "=" | "!=" | ">" | ">=" | "<" | "<=" | "~>";

interface Condition {
  readonly operator: Operator;
  readonly version: Version;
  /** How many numeric parts were written: `~> 5.1` (2) and `~> 5.1.0` (3) mean different things. */
  readonly precision: number;
}

const VERSION = /^v?(\d+(?:\.\d+){0,2})(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/;
const CONDITION = /^(=|!=|>=|<=|>|<|~>)?\s*(\S+)$/;

function parseVersion(text: string): Version | undefined {
  const match = VERSION.exec(text.trim());
  if (!match) return undefined;
  return { numbers: (match[1] as string).split(".").map(Number), prerelease: match[2] ?? "" };
}

function compare(a: Version, b: Version): number {
  for (let i = 0; i < 3; i++) {
    const difference = (a.numbers[i] ?? 0) - (b.numbers[i] ?? 0);
    if (difference !== 0) return Math.sign(difference);
  }
  if (a.prerelease === b.prerelease) return 0;
  if (a.prerelease === "") return 1;
  if (b.prerelease === "") return -1;
  return a.prerelease < b.prerelease ? -1 : 1;
}

function parseCondition(text: string, constraint: string): Condition {
  const match = CONDITION.exec(text.trim());
  const version = match ? parseVersion(match[2] as string) : undefined;
  if (!match || !version) {
    throw new Error(
      `Invalid version constraint ${JSON.stringify(constraint)}: ${JSON.stringify(text.trim())} ` +
        `is not OPERATOR VERSION (operators: = != > >= < <= ~>).`,
    );
  }
  return {
    operator: (match[1] ?? "=") as Operator,
    version,
    precision: version.numbers.length,
  };
}

/** `~> 5.1` allows 5.1 and later 5.x; `~> 5.1.0` allows 5.1.0 and later 5.1.x. */
function pessimisticUpperBound(condition: Condition): Version {
  const kept = condition.version.numbers.slice(0, Math.max(1, condition.precision - 1));
  const last = kept.length - 1;
  return { numbers: kept.map((n, i) => (i === last ? n + 1 : n)), prerelease: "" };
}

function holds(condition: Condition, version: Version): boolean {
  const order = compare(version, condition.version);
  switch (condition.operator) {
    case "=":
      return order === 0;
    case "!=":
      return order !== 0;
    case ">":
      return order > 0;
    case ">=":
      return order >= 0;
    case "<":
      return order < 0;
    case "<=":
      return order <= 0;
    case "~>":
      return order >= 0 && compare(version, pessimisticUpperBound(condition)) < 0;
  }
}

/**
 * Whether `version` meets a Terraform version constraint such as `5.100.0`, `~> 5.0` or
 * `>= 5.0, < 6.0`. As in Terraform, a pre-release version only meets an exact `=` condition.
 * An empty constraint allows any release.
 */
export function satisfiesConstraint(version: string, constraint: string): boolean {
  const parsed = parseVersion(version);
  if (!parsed) return false;
  const conditions = constraint
    .split(",")
    .filter((part) => part.trim() !== "")
    .map((part) => parseCondition(part, constraint));
  if (parsed.prerelease !== "") {
    const exact = conditions.some(
      (c) => c.operator === "=" && compare(parsed, c.version) === 0 && c.version.prerelease !== "",
    );
    if (!exact) return false;
  }
  return conditions.every((condition) => holds(condition, parsed));
}
