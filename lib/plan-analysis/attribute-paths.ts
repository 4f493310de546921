import type { AttributePathSteps } from "./plan-json";

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/** A path as Terraform users read it: `tags.Name`, `ingress[0].cidr_blocks`, `tags["a.b"]`. */
export function formatAttributePath(steps: AttributePathSteps): string {
  return steps
    .map((step, i) => {
      if (typeof step === "number") return `[${step}]`;
      if (!IDENTIFIER.test(step)) return `[${JSON.stringify(step)}]`;
      return i === 0 ? step : `.${step}`;
    })
    .join("");
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function isObject(value: unknown): value is Record<string, Json> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, i) => isEqual(item, b[i]));
  }
  if (isObject(a) && isObject(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].every((key) => isEqual(a[key] ?? null, b[key] ?? null));
  }
  return false;
}

/**
 * The attribute paths whose value differs between a change's `before` and `after`, as deep as both
 * sides have the same shape; a value known only after apply (`after_unknown`) counts as changed.
 * Lists of different lengths are one change at the list itself.
 */
export function changedAttributePaths(
  before: unknown,
  after: unknown,
  afterUnknown: unknown,
): AttributePathSteps[] {
  const changed: AttributePathSteps[] = [];
  const walk = (b: unknown, a: unknown, unknown: unknown, path: (string | number)[]): void => {
    if (unknown === true) {
      changed.push(path);
      return;
    }
    if (isObject(b) && (isObject(a) || isObject(unknown))) {
      const afterObject = isObject(a) ? a : {};
      const unknownObject = isObject(unknown) ? unknown : {};
      const keys = new Set([...Object.keys(b), ...Object.keys(afterObject)]);
      for (const key of Object.keys(unknownObject)) keys.add(key);
      for (const key of [...keys].sort()) {
        walk(b[key] ?? null, afterObject[key] ?? null, unknownObject[key], [...path, key]);
      }
      return;
    }
    if (Array.isArray(b) && Array.isArray(a) && b.length === a.length) {
      const unknownList = Array.isArray(unknown) ? unknown : [];
      b.forEach((item, i) => walk(item, a[i], unknownList[i], [...path, i]));
      return;
    }
    if (!isEqual(b ?? null, a ?? null) && path.length > 0) changed.push(path);
  };
  walk(before ?? null, after ?? null, afterUnknown, []);
  return changed;
}
