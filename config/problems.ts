/** One thing wrong with the configuration, located precisely enough to fix without searching. */
export interface ConfigProblem {
  /** The file, relative to the project root. */
  readonly file: string;
  /** Where in the file, as a JSON path such as `$.vpc.cidr` or `$.azs[1]`. */
  readonly path: string;
  /** What is wrong and what is expected instead, with the bad value quoted. */
  readonly message: string;
}

/** The first problem at each field of each file: one problem per field, the first found. */
export function onePerField(problems: readonly ConfigProblem[]): ConfigProblem[] {
  const seen = new Set<string>();
  return problems.filter((problem) => {
    const key = `${problem.file}\0${problem.path}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function formatProblem(problem: ConfigProblem): string {
  return `${problem.file}: ${problem.path}: ${problem.message}`;
}

/** Thrown when the configuration has problems; carries all of them, not just the first. */
export class ConfigError extends Error {
  constructor(readonly problems: readonly ConfigProblem[]) {
    super(
      `Invalid configuration (${problems.length} problem${problems.length === 1 ? "" : "s"}):\n` +
        problems.map(formatProblem).join("\n"),
    );
    this.name = "ConfigError";
  }
}

const MAX_QUOTED_LENGTH = 160;

/** Renders a value the way it appears in the JSON file; a very long one is cut, and says so. */
export function quote(value: unknown): string {
  if (value === undefined) return "(missing)";
  const text = JSON.stringify(value);
  if (text.length <= MAX_QUOTED_LENGTH) return text;
  const cut = text.slice(0, MAX_QUOTED_LENGTH - 20);
  return typeof value === "string"
    ? `${cut}…" (${value.length} characters)`
    : `${cut}… (${text.length} characters of JSON)`;
}

/** `$.a.b[2]["odd key"]` from path segments. */
export function jsonPath(segments: readonly (string | number)[]): string {
  return segments.reduce<string>((path, segment) => {
    if (typeof segment === "number") return `${path}[${segment}]`;
    return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(segment)
      ? `${path}.${segment}`
      : `${path}[${JSON.stringify(segment)}]`;
  }, "$");
}
