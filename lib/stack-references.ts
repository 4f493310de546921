/** The parts of a synthesized stack (cdk.tf.json) that declare or reference resources. */
export interface StackJson {
  readonly resource?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  readonly data?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
}

/** Terraform's own namespaces in expressions: never a resource of another stack. */
const NAMESPACES = new Set([
  "var",
  "local",
  "module",
  "each",
  "count",
  "path",
  "terraform",
  "self",
]);
const EXPRESSION = /\$\{([^}]*)\}/g;
const ADDRESS = /(?<![\w.])((?:data\.)?[a-z][a-z0-9_]*\.[A-Za-z0-9_-]+)/g;

/**
 * The resource and data source addresses a synthesized stack refers to (in `${…}` expressions
 * and `depends_on`) without declaring them: references into another stack, which Terraform
 * would refuse at plan. Sorted, each once.
 */
export function undeclaredReferences(stack: StackJson): string[] {
  const declared = new Set<string>();
  for (const [type, byName] of Object.entries(stack.resource ?? {})) {
    for (const name of Object.keys(byName)) declared.add(`${type}.${name}`);
  }
  for (const [type, byName] of Object.entries(stack.data ?? {})) {
    for (const name of Object.keys(byName)) declared.add(`data.${type}.${name}`);
  }
  const referenced = new Set<string>();
  const text = JSON.stringify(stack);
  for (const [, expression] of text.matchAll(EXPRESSION)) {
    for (const [, address] of expression.matchAll(ADDRESS)) referenced.add(address);
  }
  for (const block of [
    ...Object.values(stack.resource ?? {}),
    ...Object.values(stack.data ?? {}),
  ]) {
    for (const element of Object.values(block)) {
      const dependsOn = (element as { depends_on?: unknown }).depends_on;
      if (Array.isArray(dependsOn))
        for (const address of dependsOn) referenced.add(String(address));
    }
  }
  return [...referenced]
    .filter((address) => !declared.has(address) && !NAMESPACES.has(address.split(".")[0]))
    .sort();
}
