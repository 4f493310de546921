import { spawnSync } from "node:child_process";
import { statSync } from "node:fs";
import { join } from "node:path";

/** A value one file holds where it clashes with a value of another file. */
export interface HeldValue {
  /** The file, relative to the project root. */
  readonly file: string;
  /** Where the file writes the value; undefined when it is not written but derived (a default). */
  readonly path?: readonly (string | number)[];
  /** The value, as written at `path`. */
  readonly value: unknown;
}

/** Which of two clashing values the user edited into place: the one a clash is reported at. */
export interface EditHistory {
  /**
   * The edited one of `a` and `b`, by these signals in turn, each deciding only when it tells
   * the two apart:
   * 1. a written value was edited, a derived one was not;
   * 2. in a git checkout, a file whose last commit does not hold its value there (or that is
   *    not committed at all) was edited, one whose commit holds it was not;
   * 3. the file modified last was edited;
   * 4. otherwise `b`, the one found second.
   */
  edited<T extends HeldValue>(a: T, b: T): T;
}

/** Git without the variables a hook or another repository's command may have set. */
function git(root: string, args: readonly string[]) {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.startsWith("GIT_")),
  );
  return spawnSync("git", args, { cwd: root, encoding: "utf8", env });
}

function valueAt(document: unknown, path: readonly (string | number)[]): unknown {
  return path.reduce<unknown>(
    (value, segment) =>
      typeof value === "object" && value !== null
        ? (value as Record<string | number, unknown>)[segment]
        : undefined,
    document,
  );
}

/**
 * The edit history of the project under root, from git when it is a git checkout and from the
 * files' modification times. Git is asked only when a clash needs it, once per file.
 */
export function editHistory(root: string): EditHistory {
  let checkout: boolean | undefined;
  const commits = new Map<string, unknown>();
  const committed = (file: string): unknown => {
    if (!commits.has(file)) {
      const shown = git(root, ["show", `HEAD:./${file}`]);
      let document: unknown;
      try {
        document = shown.status === 0 ? JSON.parse(shown.stdout) : undefined;
      } catch {
        document = undefined;
      }
      commits.set(file, document);
    }
    return commits.get(file);
  };
  const inCheckout = () => {
    checkout ??= git(root, ["rev-parse", "--is-inside-work-tree"]).stdout?.trim() === "true";
    return checkout;
  };
  const changedSinceCommit = ({ file, path, value }: HeldValue) =>
    JSON.stringify(valueAt(committed(file), path ?? [])) !== JSON.stringify(value);
  const modified = (file: string) => statSync(join(root, file)).mtimeMs;

  return {
    edited(a, b) {
      if ((a.path === undefined) !== (b.path === undefined)) return a.path ? a : b;
      if (a.path && b.path && a.file !== b.file && inCheckout()) {
        const [aChanged, bChanged] = [changedSinceCommit(a), changedSinceCommit(b)];
        if (aChanged !== bChanged) return aChanged ? a : b;
      }
      return modified(a.file) > modified(b.file) ? a : b;
    },
  };
}
