interface IgnorePattern {
  /** The cleaned pattern text, without its leading "!". */
  readonly text: string;
  /** A "!" line: re-includes what earlier lines excluded. */
  readonly exception: boolean;
  readonly regex: RegExp;
}

/** Docker's path cleaning: no leading "/" or "./", no empty or "." segments, ".." resolved. */
function cleanPath(path: string): string {
  const parts: string[] = [];
  for (const part of path.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") parts.pop();
    else parts.push(part);
  }
  return parts.join("/");
}

/** Go's filepath.Match syntax plus "**" (any number of directories), as Docker reads it. */
function toRegex(pattern: string): RegExp {
  let source = "^";
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === "*") {
      if (pattern[i + 1] === "*") {
        i++;
        if (pattern[i + 1] === "/") {
          i++;
          source += "(?:.*/)?";
        } else {
          source += ".*";
        }
      } else {
        source += "[^/]*";
      }
    } else if (ch === "?") {
      source += "[^/]";
    } else if (ch === "[") {
      const end = pattern.indexOf("]", i + 1);
      if (end === -1) {
        source += "\\[";
      } else {
        const body = pattern.slice(i + 1, end).replace(/\\/g, "\\\\");
        source += `[${body.startsWith("^") ? "^" + body.slice(1) : body}]`;
        i = end;
      }
    } else if (ch === "\\" && i + 1 < pattern.length) {
      i++;
      source += pattern[i].replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
    } else {
      source += ch.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
    }
  }
  return new RegExp(`${source}$`);
}

/**
 * The rules of a .dockerignore file, read as Docker reads them: one pattern a line, `#` comments,
 * `!` exceptions, the last matching line deciding, and a path excluded when it or any of its
 * parent directories matches.
 */
export class DockerIgnore {
  private readonly patterns: readonly IgnorePattern[];

  constructor(content: string) {
    this.patterns = content
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter((line) => line !== "" && !line.startsWith("#"))
      .map((line) => {
        const exception = line.startsWith("!");
        const text = cleanPath(exception ? line.slice(1).trim() : line);
        return { text, exception, regex: toRegex(text) };
      })
      .filter((pattern) => pattern.text !== "");
  }

  /** Whether the build context leaves out this path (relative to the context, "/"-separated). */
  ignores(path: string): boolean {
    const cleaned = cleanPath(path);
    const candidates = cleaned.split("/").map((_, i, parts) => parts.slice(0, i + 1).join("/"));
    let ignored = false;
    for (const pattern of this.patterns) {
      if (pattern.exception !== ignored) continue;
      if (candidates.some((candidate) => pattern.regex.test(candidate))) {
        ignored = !pattern.exception;
      }
    }
    return ignored;
  }

  /**
   * Whether a directory must be walked to find what the context keeps: it is kept, or an
   * exception line could re-include something below it.
   */
  mayKeepBelow(directory: string): boolean {
    if (!this.ignores(directory)) return true;
    const prefix = `${cleanPath(directory)}/`;
    return this.patterns.some(
      (pattern) =>
        pattern.exception && (pattern.text.startsWith(prefix) || /^[*?[\\]/.test(pattern.text)),
    );
  }
}
