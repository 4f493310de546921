/** The first number from `start` to `max` that is not taken, to suggest in place of a clashing one. */
export function firstFree(
  start: number,
  taken: Iterable<number | undefined>,
  max: number,
): number | undefined {
  const used = new Set(taken);
  for (let value = start; value <= max; value++) if (!used.has(value)) return value;
  return undefined;
}

/** " (free: 8082)", or "" when nothing is free. */
export function freeNote(value: number | string | undefined): string {
  return value === undefined ? "" : ` (free: ${value})`;
}
