import {
  Type,
  type SchemaOptions,
  type Static,
  type TSchema,
  type TString,
  type TUnsafe,
} from "@sinclair/typebox";
import { PORT_RANGE } from "./constants";

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
  Type.Integer({ minimum: PORT_RANGE.min, maximum: PORT_RANGE.max, description, ...options });

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
    description: `${description}: 2 to 28 lowercase letters, digits and single hyphens, starting with a letter`,
    examples: ["users"],
  });

const REGION = "[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-[0-9]{1,2}";
export const REGION_PATTERN = `^${REGION}$`;

/**
 * An object whose keys follow `key` (reported as "not a valid <key description>") and whose values
 * follow `value`: JSON Schema `propertyNames`, which editors understand and ajv reports per key.
 */
export function KeyedRecord<V extends TSchema>(
  key: TString,
  value: V,
  options: SchemaOptions = {},
): TUnsafe<Record<string, Static<V>>> {
  return Type.Unsafe<Record<string, Static<V>>>({
    type: "object",
    propertyNames: key,
    additionalProperties: value,
    ...options,
  });
}

export const ENV_VAR_NAME_PATTERN = "^[A-Za-z_][A-Za-z0-9_]*$";

export const EnvVarName = () =>
  Type.String({
    pattern: ENV_VAR_NAME_PATTERN,
    maxLength: 255,
    description:
      "an environment variable name: letters, digits and underscores, not starting with a digit",
  });

const SECRETS_MANAGER_ARN = `arn:aws[a-z-]*:secretsmanager:${REGION}:[0-9]{12}:secret:[A-Za-z0-9/_+=.@-]+(:[^:]*:[^:]*:[^:]*)?`;
const SSM_PARAMETER_ARN = `arn:aws[a-z-]*:ssm:${REGION}:[0-9]{12}:parameter/[A-Za-z0-9_./-]+`;

/** What ECS accepts as a container secret's `valueFrom`, in ARN form. */
export const SecretReference = () =>
  Type.String({
    pattern: `^(${SECRETS_MANAGER_ARN}|${SSM_PARAMETER_ARN})$`,
    maxLength: 2048,
    description:
      "a Secrets Manager secret ARN, with :json-key:version-stage:version-id appended to pick one JSON key (keep all three colons), or an SSM parameter ARN",
    examples: [
      "arn:aws:secretsmanager:us-east-1:123456789012:secret:shop/db-AbCdEf:password::",
      "arn:aws:ssm:us-east-1:123456789012:parameter/shop/api-key",
    ],
  });

export const CERTIFICATE_ARN_PATTERN = `^arn:aws[a-z-]*:acm:${REGION}:[0-9]{12}:certificate/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$`;
