/** A record with the same keys as the map and each value transformed. */
export function mapValues<T, U>(
  entries: ReadonlyMap<string, T> | Readonly<Record<string, T>>,
  transform: (value: T, key: string) => U,
): Record<string, U> {
  const pairs = entries instanceof Map ? [...entries] : Object.entries(entries);
  return Object.fromEntries(pairs.map(([key, value]) => [key, transform(value as T, key)]));
}
