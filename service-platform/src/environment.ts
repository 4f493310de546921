/** Raised when environment variables are missing or malformed; lists every problem at once. */
export class ConfigurationError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`invalid configuration: ${problems.join("; ")}`);
  }
}

const PORT_PATTERN = /^[0-9]{1,5}$/;
/** "/"-separated segments without a trailing "/", as the manifest's routing.pathPrefix. */
const PATH_PREFIX_PATTERN = /^(\/[A-Za-z0-9._~-]+)+$/;

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

  /** A TCP port number, from 1 (or 0 with `anyFree`, for a port the system picks) to 65535. */
  port(name: string, purpose: string, options: { readonly anyFree?: boolean } = {}): number {
    const value = this.required(name, purpose);
    if (value === "") return 0;
    const port = Number(value);
    const lowest = options.anyFree ? 0 : 1;
    if (!PORT_PATTERN.test(value.trim()) || port < lowest || port > 65535) {
      this.problems.push(`${name} is "${value}": expected a port number from ${lowest} to 65535`);
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

  /** An http(s) URL without query or fragment, returned without its trailing slash. */
  url(name: string, purpose: string): string {
    const value = this.required(name, purpose);
    if (value === "") return value;
    let url: URL | undefined;
    try {
      url = new URL(value);
    } catch {
      url = undefined;
    }
    if (
      url === undefined ||
      !["http:", "https:"].includes(url.protocol) ||
      url.search ||
      url.hash
    ) {
      this.problems.push(
        `${name} is "${value}": expected an http:// or https:// URL such as http://host:8000`,
      );
      return value;
    }
    return value.replace(/\/+$/, "");
  }

  /** A path prefix such as /orders, or "" (the root) when the variable is absent. */
  pathPrefix(name: string): string {
    const value = this.optional(name);
    if (value === undefined) return "";
    if (!PATH_PREFIX_PATTERN.test(value)) {
      this.problems.push(
        `${name} is "${value}": expected a path such as /orders, starting with / and not ending with one`,
      );
      return "";
    }
    return value;
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

/** Where and how a service serves HTTP: the same variables for every service. */
export interface ServerSettings {
  readonly host: string;
  /** 0: a port the system picks, which the `listening` log line reports. */
  readonly port: number;
  readonly logLevel: LogLevel;
  /** Where the API is served: the manifest's routing.pathPrefix, "" for the root. */
  readonly pathPrefix: string;
}

/** HOST (default 0.0.0.0), PORT, LOG_LEVEL (default info) and PATH_PREFIX (default: the root). */
export function readServerSettings(read: EnvironmentReader): ServerSettings {
  return {
    host: read.optional("HOST") ?? "0.0.0.0",
    port: read.port("PORT", "the port to listen on (0: any free port)", { anyFree: true }),
    logLevel: read.oneOf("LOG_LEVEL", LOG_LEVELS, "info"),
    pathPrefix: read.pathPrefix("PATH_PREFIX"),
  };
}
