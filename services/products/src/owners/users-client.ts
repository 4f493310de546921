import { setTimeout as sleep } from "node:timers/promises";

/** The users service could not say whether a user exists: down, unreachable, too slow or failing. */
export class UsersUnavailableError extends Error {}

export interface UsersClientOptions {
  /** The users service's API, its path prefix included, e.g. http://users:8000/users. */
  readonly baseUrl: string;
  /** Time allowed for one attempt. @default 1000 */
  readonly attemptTimeoutMs?: number;
  /** Attempts in all, the first included. @default 3 */
  readonly attempts?: number;
  /** Wait before the second attempt; doubled for each next one, with jitter. @default 100 */
  readonly backoffMs?: number;
}

/** Looks users up in the users service, server to server, with a timeout and retries with backoff. */
export class UsersClient {
  private readonly baseUrl: string;
  private readonly attemptTimeoutMs: number;
  private readonly attempts: number;
  private readonly backoffMs: number;

  constructor(options: UsersClientOptions) {
    this.baseUrl = options.baseUrl;
    this.attemptTimeoutMs = options.attemptTimeoutMs ?? 1_000;
    this.attempts = options.attempts ?? 3;
    this.backoffMs = options.backoffMs ?? 100;
  }

  /**
   * Whether a user with this id exists (200: yes, 404: no). Network errors, timeouts and 5xx
   * answers are retried; throws UsersUnavailableError when no attempt gives an answer.
   */
  async userExists(id: string): Promise<boolean> {
    const url = `${this.baseUrl}/${encodeURIComponent(id)}`;
    let lastProblem = "";
    for (let attempt = 1; attempt <= this.attempts; attempt++) {
      if (attempt > 1) {
        const base = this.backoffMs * 2 ** (attempt - 2);
        await sleep(base / 2 + Math.random() * base);
      }
      try {
        const response = await fetch(url, {
          headers: { accept: "application/json" },
          signal: AbortSignal.timeout(this.attemptTimeoutMs),
        });
        await response.arrayBuffer();
        if (response.status === 200) return true;
        if (response.status === 404) return false;
        lastProblem = `answered ${response.status}`;
        if (response.status < 500) break;
      } catch (error) {
        lastProblem = describeFetchError(error);
      }
    }
    throw new UsersUnavailableError(
      `the users service at ${this.baseUrl} gave no answer after ${this.attempts} attempts (last: ${lastProblem})`,
    );
  }
}

function describeFetchError(error: unknown): string {
  if (error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError")) {
    return "timed out";
  }
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? String(error);
}
