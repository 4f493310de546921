/** A key written more than once in the same JSON object: JSON.parse silently keeps only the last. */
export interface DuplicateKey {
  /** Path segments to the repeated key (object keys and array indexes). */
  readonly path: readonly (string | number)[];
  /** How many times the key appears in its object. */
  readonly occurrences: number;
}

/**
 * Finds keys repeated within one object of a JSON text, reporting each repeated key once.
 * The text must already be valid JSON (JSON.parse succeeded); this only walks its structure.
 */
export function findDuplicateKeys(text: string): DuplicateKey[] {
  const found: DuplicateKey[] = [];
  let at = 0;

  const skipWhitespace = () => {
    while (at < text.length && /\s/.test(text[at])) at++;
  };
  const readString = (): string => {
    const start = at;
    at++; // opening quote
    while (text[at] !== '"') at += text[at] === "\\" ? 2 : 1;
    at++; // closing quote
    return JSON.parse(text.slice(start, at)) as string;
  };
  const skipScalar = () => {
    while (at < text.length && !/[\s,\]}]/.test(text[at])) at++;
  };

  const readValue = (path: (string | number)[]): void => {
    skipWhitespace();
    const char = text[at];
    if (char === "{") {
      at++;
      const counts = new Map<string, number>();
      skipWhitespace();
      while (text[at] !== "}") {
        skipWhitespace();
        const key = readString();
        counts.set(key, (counts.get(key) ?? 0) + 1);
        skipWhitespace();
        at++; // colon
        readValue([...path, key]);
        skipWhitespace();
        if (text[at] === ",") at++;
        skipWhitespace();
      }
      at++;
      for (const [key, occurrences] of counts) {
        if (occurrences > 1) found.push({ path: [...path, key], occurrences });
      }
    } else if (char === "[") {
      at++;
      skipWhitespace();
      let index = 0;
      while (text[at] !== "]") {
        readValue([...path, index++]);
        skipWhitespace();
        if (text[at] === ",") at++;
        skipWhitespace();
      }
      at++;
    } else if (char === '"') {
      readString();
    } else {
      skipScalar();
    }
  };

  readValue([]);
  return found;
}
