/** Runs async tasks with at most `concurrency` of them in flight; the rest wait their turn. */
export interface Limiter {
  run<T>(task: () => Promise<T>): Promise<T>;
}

export function createLimiter(concurrency: number): Limiter {
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new Error(`Concurrency must be a whole number of at least 1, got ${concurrency}.`);
  }
  let active = 0;
  const waiting: (() => void)[] = [];
  return {
    async run<T>(task: () => Promise<T>): Promise<T> {
      // A finishing task hands its slot straight to the next waiter, so `active` never overshoots.
      if (active < concurrency) active++;
      else await new Promise<void>((takeSlot) => waiting.push(takeSlot));
      try {
        return await task();
      } finally {
        const next = waiting.shift();
        if (next) next();
        else active--;
      }
    },
  };
}
