import type { ResourceChangeJson } from "./plan-json";

/** A block of a synthesized configuration, with the construct path cdktf records in it. */
interface ConstructBlock {
  readonly "//"?: { readonly metadata?: { readonly path?: string } };
}

type BlocksByName = Readonly<Record<string, ConstructBlock>>;

/** The parts of a synthesized `cdk.tf.json` that say which construct made each block. */
export interface SynthesizedConfig {
  readonly resource?: Readonly<Record<string, BlocksByName>>;
  readonly data?: Readonly<Record<string, BlocksByName>>;
  /** Terraform module calls, by name. */
  readonly module?: BlocksByName;
}

/** Where a planned resource comes from, as construct ids below the stack. */
export interface ConstructOrigin {
  /** The construct path recorded in the configuration (`<stack>/<module>/...`), if any. */
  readonly constructPath?: string;
  /** The construct ids below the stack, e.g. `["ecs", "service-orders"]`. */
  readonly segments: readonly string[];
}

type ChangeIdentity = Pick<ResourceChangeJson, "module_address" | "mode" | "type" | "name">;

/** cdktf's logical ids: the construct ids below the stack joined by `_`, then a hash of the path. */
const LOGICAL_ID_HASH = /_[0-9A-F]{8}$/;

/** `module.a.module.b` -> `a`: the module call in the root configuration. */
function rootModuleCall(moduleAddress: string): string | undefined {
  return /^module\.([^.[]+)/.exec(moduleAddress)?.[1];
}

function recordedPath(config: SynthesizedConfig, change: ChangeIdentity): string | undefined {
  if (change.module_address !== undefined) {
    const call = rootModuleCall(change.module_address);
    return call === undefined ? undefined : config.module?.[call]?.["//"]?.metadata?.path;
  }
  const blocks = change.mode === "data" ? config.data : config.resource;
  return blocks?.[change.type]?.[change.name]?.["//"]?.metadata?.path;
}

/**
 * The construct that declared a planned resource: the path cdktf recorded in the synthesized
 * configuration (a resource inside a Terraform module call gets the call's). A resource the
 * configuration no longer holds (one being destroyed) is traced through its name, which cdktf
 * makes from the same construct ids.
 */
export function constructOriginOf(
  config: SynthesizedConfig,
  change: ChangeIdentity,
): ConstructOrigin {
  const constructPath = recordedPath(config, change);
  if (constructPath !== undefined) {
    return { constructPath, segments: constructPath.split("/").slice(1) };
  }
  const call =
    change.module_address === undefined ? undefined : rootModuleCall(change.module_address);
  if (call !== undefined) return { segments: [call] };
  return {
    segments: LOGICAL_ID_HASH.test(change.name)
      ? change.name.replace(LOGICAL_ID_HASH, "").split("_")
      : [change.name],
  };
}
