/** A resource as it stands in a synthesized `cdk.tf.json`. */
export interface SynthesizedResource {
  /** The Terraform type, e.g. `aws_ecs_service`. */
  readonly type: string;
  /** The Terraform name, e.g. `ecs_service-users_D4957A84`. */
  readonly name: string;
  /** `type.name`: how other resources refer to it. */
  readonly address: string;
  /** The construct path, e.g. `prod/ecs/service-users`. */
  readonly path: string;
  /** The construct id below the stack that holds it (the module instance), e.g. `ecs`. */
  readonly module: string;
  /** The resource's arguments. */
  readonly body: Readonly<Record<string, unknown>>;
}

/** The parts of a synthesized stack that its architecture and its cost are read from. */
export interface StackDocument {
  readonly resource?: Readonly<Record<string, Readonly<Record<string, Record<string, unknown>>>>>;
  readonly provider?: Readonly<Record<string, unknown>>;
}

interface ConstructMetadata {
  readonly metadata?: { readonly path?: string };
}

/** Every resource of a stack, ordered by construct path (so everything built from it is stable). */
export function stackResources(stack: StackDocument): SynthesizedResource[] {
  const resources: SynthesizedResource[] = [];
  for (const [type, byName] of Object.entries(stack.resource ?? {})) {
    for (const [name, body] of Object.entries(byName)) {
      const path = (body["//"] as ConstructMetadata | undefined)?.metadata?.path ?? name;
      const segments = path.split("/");
      resources.push({
        type,
        name,
        address: `${type}.${name}`,
        path,
        module: segments.length > 2 ? segments[1] : "(stack)",
        body,
      });
    }
  }
  return resources.sort(
    (a, b) => a.path.localeCompare(b.path) || a.address.localeCompare(b.address),
  );
}

/** A Terraform expression's references to resources: `${aws_x.name.attr}` gives `aws_x.name`. */
const REFERENCE = /\$\{([a-z][a-z0-9_]*)\.([A-Za-z0-9_-]+)[.[]/g;

/** The addresses of the resources a value refers to, in order of first appearance. */
export function referencedAddresses(value: unknown): string[] {
  const text = typeof value === "string" ? value : JSON.stringify(value ?? null);
  const found = new Set<string>();
  for (const match of text.matchAll(REFERENCE)) {
    if (match[1] !== "data" && match[1] !== "var" && match[1] !== "local") {
      found.add(`${match[1]}.${match[2]}`);
    }
  }
  return [...found];
}

/** A stack's resources, by address and by type. */
export class ResourceIndex {
  readonly all: readonly SynthesizedResource[];
  private readonly byAddress: ReadonlyMap<string, SynthesizedResource>;

  constructor(stack: StackDocument) {
    this.all = stackResources(stack);
    this.byAddress = new Map(this.all.map((r) => [r.address, r]));
  }

  ofType(type: string): SynthesizedResource[] {
    return this.all.filter((r) => r.type === type);
  }

  get(address: string): SynthesizedResource | undefined {
    return this.byAddress.get(address);
  }

  /** The resources a value refers to, of the given types when any are given. */
  referencedBy(value: unknown, ...types: string[]): SynthesizedResource[] {
    return referencedAddresses(value)
      .map((address) => this.byAddress.get(address))
      .filter((r): r is SynthesizedResource => r !== undefined)
      .filter((r) => types.length === 0 || types.includes(r.type));
  }

  /** The resources whose arguments refer to the given one, of the given types when any are given. */
  referencing(target: SynthesizedResource, ...types: string[]): SynthesizedResource[] {
    return this.all.filter(
      (r) =>
        (types.length === 0 || types.includes(r.type)) &&
        referencedAddresses(r.body).includes(target.address),
    );
  }
}

/** A block that Terraform JSON may hold as one object or as a list of objects. */
export function blocks(value: unknown): Record<string, unknown>[] {
  if (value === undefined || value === null) return [];
  return (Array.isArray(value) ? value : [value]) as Record<string, unknown>[];
}

/** The container definitions of an `aws_ecs_task_definition` (a JSON string in the stack). */
export interface ContainerDefinition {
  readonly name: string;
  readonly image?: string;
  readonly essential?: boolean;
  readonly cpu?: number;
  readonly memory?: number;
  readonly environment?: readonly { readonly name: string; readonly value: string }[];
  readonly secrets?: readonly { readonly name: string; readonly valueFrom: string }[];
  readonly logConfiguration?: { readonly options?: Readonly<Record<string, string>> };
}

export function containerDefinitions(taskDefinition: SynthesizedResource): ContainerDefinition[] {
  const raw = taskDefinition.body.container_definitions;
  return typeof raw === "string" ? (JSON.parse(raw) as ContainerDefinition[]) : [];
}

/** The stack's region: its default AWS provider's. */
export function stackRegion(stack: StackDocument): string {
  const block = blocks(stack.provider?.aws).find((p) => p.alias === undefined);
  return typeof block?.region === "string" ? block.region : "unknown";
}

/** The region of a resource: its provider block's, or the default provider's. */
export function resourceRegion(stack: StackDocument, resource: SynthesizedResource): string {
  const providers = blocks(stack.provider?.aws);
  const reference = resource.body.provider;
  const alias = typeof reference === "string" ? reference.split(".")[1] : undefined;
  const block = providers.find((p) => (alias ? p.alias === alias : p.alias === undefined));
  return typeof block?.region === "string" ? block.region : "unknown";
}
