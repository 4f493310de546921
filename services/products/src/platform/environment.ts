/** Raised when environment variables are missing or malformed; lists every problem at once. */
export class ConfigurationError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`invalid configuration: ${problems.join("; ")}`);
  }
}

const PORT_PATTERN = /^[0-9]{1,5}$/;

/**
 * Reads variables one by one, collecting a problem for each missing or malformed one, so a
 * misconfigured task reports everything in one go. Call `done()` to throw if anything was wrong.
 */
export class EnvironmentReader {
  private readonly problems: string[] = [];

  constructor(private readonly env: NodeJS.ProcessEnv) {}

  /** A variable that must be set to a non-empty value. */
  required(name: string, purpose: string): string {
    const value = this.env[name];
    if (value === undefined || value.trim() === "") {
      this.problems.push(`${name} is missing: set it to ${purpose}`);
      return "";
    }
    return value;
  }

  /** A variable that may be absent or empty. */
  optional(name: string): string | undefined {
    const value = this.env[name];
    return value === undefined || value.trim() === "" ? undefined : value;
  }

  /** A TCP port number, with a default when the variable is absent. */
  port(name: string, purpose: string, fallback?: number): number {
    const value = fallback === undefined ? this.required(name, purpose) : this.optional(name);
    if (value === undefined) return fallback ?? 0;
    if (value === "") return 0;
    const port = Number(value);
    if (!PORT_PATTERN.test(value.trim()) || port < 1 || port > 65535) {
      this.problems.push(`${name} is "${value}": expected a port number from 1 to 65535`);
      return 0;
    }
    return port;
  }

  /** One of a fixed set of words, with a default when the variable is absent. */
  oneOf<T extends string>(name: string, allowed: readonly T[], fallback?: T): T {
    const value =
      fallback === undefined
        ? this.required(name, `one of ${allowed.join(", ")}`)
        : this.optional(name);
    if (value === undefined) return fallback as T;
    if (value === "") return allowed[0];
    const match = allowed.find((candidate) => candidate === value.trim().toLowerCase());
    if (match === undefined) {
      this.problems.push(`${name} is "${value}": expected one of ${allowed.join(", ")}`);
      return allowed[0];
    }
    return match;
  }

  /** Records a problem found by a check of the caller's own. */
  problem(message: string): void {
    this.problems.push(message);
  }

  /** Throws a ConfigurationError naming every problem found so far. */
  done(): void {
    if (this.problems.length > 0) throw new ConfigurationError(this.problems);
  }
}

export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];
