import type { EditHistory, HeldValue } from "../edit-history";
import { jsonPath } from "../problems";

/** One side of a clash: a value one file holds, and how a message points at it. */
export interface ClashSide extends HeldValue {
  /** Where the other side's message says the value is: a JSON path, or how it is derived. */
  readonly where: string;
}

/** A side whose value is written at `path`. */
export function writtenAt<T extends object>(
  file: string,
  path: readonly (string | number)[],
  value: unknown,
  about: T,
): ClashSide & T {
  return { ...about, file, path, value, where: jsonPath(path) };
}

/** A side whose value is not written but derived, as `how` says (e.g. "derived from its name"). */
export function derivedIn<T extends object>(
  file: string,
  value: unknown,
  how: string,
  about: T,
): ClashSide & T {
  return { ...about, file, value, where: how };
}

/** How a message names the other side of a clash: `services/users/service.json ($.routing.listenerPort)`. */
export function whereHeld(side: ClashSide): string {
  return `${side.file} (${side.where})`;
}

/**
 * The two sides of a clash as [reported, other]: a clash is reported at the side the user
 * edited into place (see EditHistory), and names the other.
 */
export function bySide<T extends ClashSide>(
  edits: EditHistory,
  first: T,
  second: T,
): readonly [T, T] {
  return edits.edited(first, second) === first ? [first, second] : [second, first];
}
