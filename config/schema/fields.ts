import { Type, type SchemaOptions, type TUnsafe } from "@sinclair/typebox";

/**
 * Building blocks shared by the environment and service schemas. Every field carries a
 * `description` (what editors show on hover, and what error messages say is expected) and,
 * where a format is not obvious, an example.
 */

/** A string restricted to a list of values, rendered as a JSON Schema `enum` (editors offer the values). */
export function StringEnum<const T extends readonly string[]>(
  values: T,
  options: SchemaOptions = {},
): TUnsafe<T[number]> {
  return Type.Unsafe<T[number]>({ type: "string", enum: [...values], ...options });
}

/** A number restricted to a list of values, rendered as a JSON Schema `enum`. */
export function NumberEnum<const T extends readonly number[]>(
  values: T,
  options: SchemaOptions = {},
): TUnsafe<T[number]> {
  return Type.Unsafe<T[number]>({ type: "integer", enum: [...values], ...options });
}

export const Port = (description: string, options: SchemaOptions = {}) =>
  Type.Integer({ minimum: 1, maximum: 65535, description, ...options });

export const IPV4_CIDR_PATTERN =
  "^((25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\\.){3}(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])/([0-9]|[12][0-9]|3[0-2])$";

export const Cidr = (description: string, example: string) =>
  Type.String({ pattern: IPV4_CIDR_PATTERN, description, examples: [example] });

/** Lowercase service name, usable in every AWS name it feeds (ECR, target group, IAM role, DNS). */
export const SERVICE_NAME_PATTERN = "^[a-z][a-z0-9]*(-[a-z0-9]+)*$";

export const ServiceName = (description: string) =>
  Type.String({
    pattern: SERVICE_NAME_PATTERN,
    minLength: 2,
    maxLength: 28,
    description,
    examples: ["users"],
  });

export const REGION_PATTERN = "^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-[0-9]{1,2}$";
