import { setTimeout as sleep } from "node:timers/promises";

export interface RetryOptions {
  /** Give up once this much time has passed since the first attempt. */
  readonly giveUpAfterMs: number;
  /** Whether an error is worth another attempt. */
  readonly isTransient: (error: unknown) => boolean;
  /** Called before each wait. */
  readonly onRetry: (error: unknown, attempt: number, delayMs: number) => void;
}

/** Runs `task` until it succeeds, waiting 0.25 s, 0.5 s, 1 s … (at most 4 s) between transient failures. */
export async function retryTransient<T>(task: () => Promise<T>, options: RetryOptions): Promise<T> {
  const started = Date.now();
  for (let attempt = 1; ; attempt++) {
    try {
      return await task();
    } catch (error) {
      const delayMs = Math.min(250 * 2 ** (attempt - 1), 4_000);
      const outOfTime = Date.now() + delayMs - started > options.giveUpAfterMs;
      if (!options.isTransient(error) || outOfTime) throw error;
      options.onRetry(error, attempt, delayMs);
      await sleep(delayMs);
    }
  }
}
