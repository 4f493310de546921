import type { ValuePath } from "./schema-repair";

/** The written values a resolved value is made from: its own path, and any a default draws on. */
export type Sources = (path: ValuePath) => readonly ValuePath[];

const itself: Sources = (path) => [path];

function startsWith(path: ValuePath, prefix: ValuePath): boolean {
  return prefix.length <= path.length && prefix.every((segment, i) => path[i] === segment);
}

/**
 * What one file's schema rejected, seen from a resolved (or written) object: which of its values
 * are not the user's, because they are, lie inside, or are derived from a rejected value.
 */
export class RejectedValues {
  constructor(
    private readonly paths: readonly ValuePath[],
    private readonly sources: Sources = itself,
  ) {}

  /** Whether the value at `path` is, lies inside or is derived from a rejected value. */
  covers(path: ValuePath): boolean {
    return this.sources(path).some((source) =>
      this.paths.some((rejected) => startsWith(source, rejected)),
    );
  }

  /** Whether a value inside the one at `path` was rejected. */
  within(path: ValuePath): boolean {
    return this.paths.some(
      (rejected) => rejected.length > path.length && startsWith(rejected, path),
    );
  }
}
