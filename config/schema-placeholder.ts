/** The parts of a JSON Schema node a stand-in value is made from. */
interface SchemaNode {
  type?: string;
  default?: unknown;
  examples?: unknown[];
  enum?: unknown[];
  minimum?: number;
  maximum?: number;
  minItems?: number;
  properties?: Record<string, SchemaNode>;
  required?: string[];
}

/**
 * A value the schema node accepts, to stand in for a required value the schema rejected so the
 * rest of the file can still be resolved and checked: the node's default, its first example or
 * allowed value, false, the smallest number it allows, an empty list, or an object of stand-ins
 * for its required keys. Undefined when the node offers none of these. Checks never read it:
 * the path it fills is recorded as rejected.
 */
export function placeholderFor(node: SchemaNode | undefined): unknown {
  if (!node) return undefined;
  if (node.default !== undefined) return node.default;
  if (node.examples?.length) return node.examples[0];
  if (node.enum?.length) return node.enum[0];
  switch (node.type) {
    case "boolean":
      return false;
    case "integer":
    case "number": {
      const value = node.minimum ?? 0;
      return node.maximum === undefined || value <= node.maximum ? value : undefined;
    }
    case "array":
      return (node.minItems ?? 0) === 0 ? [] : undefined;
    case "object":
      return objectPlaceholder(node);
    default:
      return undefined;
  }
}

function objectPlaceholder(node: SchemaNode): Record<string, unknown> | undefined {
  const value: Record<string, unknown> = {};
  for (const key of node.required ?? []) {
    const child = placeholderFor(node.properties?.[key]);
    if (child === undefined) return undefined;
    value[key] = child;
  }
  return value;
}
