import {
  DefaultTokenResolver,
  StringConcat,
  TerraformDataSource,
  TerraformResource,
  Tokenization,
  type TerraformStack,
} from "cdktf";
import type { IConstruct } from "constructs";

/** A resource or data source as the policy sees it: exactly what synthesis writes for it. */
export interface InspectedElement {
  readonly construct: TerraformResource | TerraformDataSource;
  /** The resource type, e.g. "aws_s3_bucket", or "data.<type>" for a data source. */
  readonly type: string;
  /** Its Terraform address, e.g. "aws_s3_bucket.bucket_0A1B2C3D" or "data.aws_iam_policy_document.x". */
  readonly address: string;
  /** Its construct path, starting with the stack's name. */
  readonly path: string;
  /** Its synthesized attributes: snake_case names, references written as "${<address>.<attribute>}". */
  readonly attributes: Readonly<Record<string, unknown>>;
}

type Inspectable = TerraformResource | TerraformDataSource;

export function isInspectable(node: IConstruct): node is Inspectable {
  return (
    TerraformResource.isTerraformResource(node) || TerraformDataSource.isTerraformDataSource(node)
  );
}

const RESOLVER = new DefaultTokenResolver(new StringConcat());

/**
 * Reads an element through its public `toTerraform()`, with every token resolved in its stack: the
 * attributes exactly as cdk.tf.json will hold them, escape-hatch overrides included, so nothing a
 * module writes can pass the policy unseen.
 */
export function inspect(element: Inspectable, stack: TerraformStack): InspectedElement | undefined {
  const synthesized = Tokenization.resolve(element.toTerraform(), {
    scope: stack,
    resolver: RESOLVER,
  }) as Record<string, Record<string, Record<string, Record<string, unknown>>> | undefined>;
  const isData = TerraformDataSource.isTerraformDataSource(element);
  const byType = isData ? synthesized.data : synthesized.resource;
  // A moved resource writes a `moved` block only.
  if (!byType) return undefined;
  const [type, byId] = Object.entries(byType)[0];
  const [id, attributes] = Object.entries(byId)[0];
  return {
    construct: element,
    type: isData ? `data.${type}` : type,
    address: `${isData ? "data." : ""}${type}.${id}`,
    path: element.node.path,
    attributes,
  };
}

/** The type of an element as rules name it: "aws_s3_bucket", or "data.<type>" for a data source. */
export function elementType(element: Inspectable): string {
  return TerraformDataSource.isTerraformDataSource(element)
    ? `data.${element.terraformResourceType}`
    : element.terraformResourceType;
}

/**
 * Every resource and data source of one stack, each read when a rule first asks about it (and
 * then kept): what rules about relations between elements ask about (the encryption
 * configuration of a bucket, the policy document of a role). Elements no rule asks about are
 * never resolved, which keeps the policy's cost at synthesis small.
 */
export class StackInventory {
  private readonly byAddress = new Map<string, Inspectable>();
  private readonly byType = new Map<string, Inspectable[]>();
  private readonly inspected = new Map<IConstruct, InspectedElement | undefined>();

  constructor(private readonly stack: TerraformStack) {
    for (const node of stack.node.findAll()) {
      if (!isInspectable(node)) continue;
      const type = elementType(node);
      this.byAddress.set(`${type}.${node.friendlyUniqueId}`, node);
      this.byType.set(type, [...(this.byType.get(type) ?? []), node]);
    }
  }

  elementOf(construct: IConstruct): InspectedElement | undefined {
    if (!this.inspected.has(construct)) {
      this.inspected.set(
        construct,
        isInspectable(construct) ? inspect(construct, this.stack) : undefined,
      );
    }
    return this.inspected.get(construct);
  }

  at(address: string): InspectedElement | undefined {
    const construct = this.byAddress.get(address);
    return construct && this.elementOf(construct);
  }

  ofType(type: string): InspectedElement[] {
    return (this.byType.get(type) ?? [])
      .map((construct) => this.elementOf(construct))
      .filter((element): element is InspectedElement => element !== undefined);
  }

  /** The elements of a type whose attribute names the target: by reference, or by one of its literal names. */
  attachedTo(
    type: string,
    attribute: string,
    target: InspectedElement,
    literalNames: readonly unknown[] = [],
  ): InspectedElement[] {
    return this.ofType(type).filter((element) => {
      const value = element.attributes[attribute];
      return (
        refersTo(value, target) ||
        (typeof value === "string" && literalNames.some((name) => name === value))
      );
    });
  }

  /** The elements that refer to the target from one of the given attributes. */
  referencesTo(
    target: InspectedElement,
    attributes: Readonly<Record<string, readonly string[]>>,
  ): { readonly element: InspectedElement; readonly attribute: string }[] {
    return Object.entries(attributes).flatMap(([type, names]) =>
      this.ofType(type).flatMap((element) =>
        names
          .filter((name) => refersTo(element.attributes[name], target))
          .map((attribute) => ({ element, attribute })),
      ),
    );
  }
}

/** True when a synthesized value is (or contains) a reference to an attribute of the target. */
export function refersTo(value: unknown, target: InspectedElement): boolean {
  return typeof value === "string" && value.includes(`\${${target.address}.`);
}

/** The element a value refers to as a whole ("${<address>.<attribute>}"), when it is one reference. */
export function referencedAddress(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined;
  const match = /^\$\{((?:data\.)?[a-z0-9_]+\.[A-Za-z0-9_-]+)\.[a-z0-9_]+\}$/.exec(value);
  return match?.[1];
}

/** A nested block as a list, whichever way synthesis wrote it (one block as an object, several as a list). */
export function blocksOf(value: unknown): Record<string, unknown>[] {
  if (Array.isArray(value)) return value.filter(isRecord);
  return isRecord(value) ? [value] : [];
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A list attribute as strings (a lone string counts as a one-item list). */
export function stringsOf(value: unknown): string[] {
  if (typeof value === "string") return [value];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}
