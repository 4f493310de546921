import { createHash } from "node:crypto";

/** A short, stable hexadecimal digest of a string: the same input gives the same output everywhere. */
export function shortHash(input: string, length = 6): string {
  return createHash("sha256").update(input).digest("hex").slice(0, length);
}

/** A stable integer in [min, max] derived from a string. */
export function stableNumber(input: string, min: number, max: number): number {
  const value = createHash("sha256").update(input).digest().readUInt32BE(0);
  return min + (value % (max - min + 1));
}
