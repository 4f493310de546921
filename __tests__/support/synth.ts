import { Testing } from "cdktf";
import type { Construct } from "constructs";

/** A synthesized stack, parsed, with helpers to find resources by type. */
export interface Synthesized {
  readonly text: string;
  readonly json: TerraformJson;
  /** Every resource of a type, keyed by its logical id. */
  resources(type: string): Record<string, TerraformBlock>;
  /** The only resource of a type; fails when there are none or several. */
  resource(type: string): TerraformBlock;
  /** The resource of a type whose construct path ends with the given id. */
  resourceAt(type: string, pathSuffix: string): TerraformBlock;
}

export type TerraformBlock = Record<string, unknown> & {
  depends_on?: string[];
  "//"?: { metadata: { path: string } };
};
export interface TerraformJson {
  resource?: Record<string, Record<string, TerraformBlock>>;
  data?: Record<string, Record<string, TerraformBlock>>;
  output?: Record<string, TerraformBlock>;
  provider?: Record<string, TerraformBlock[]>;
  terraform?: Record<string, unknown>;
}

export function parseSynth(text: string): Synthesized {
  const json = JSON.parse(text) as TerraformJson;
  const resources = (type: string) => json.resource?.[type] ?? {};
  return {
    text,
    json,
    resources,
    resource(type) {
      const all = Object.values(resources(type));
      if (all.length !== 1) throw new Error(`expected one ${type}, found ${all.length}`);
      return all[0];
    },
    resourceAt(type, pathSuffix) {
      const match = Object.entries(resources(type)).find(
        ([id]) => id.startsWith(`${pathSuffix}_`) || id.includes(`_${pathSuffix}_`),
      );
      if (!match)
        throw new Error(
          `no ${type} at ${pathSuffix}; have ${Object.keys(resources(type)).join(", ")}`,
        );
      return match[1];
    },
  };
}

/** Synthesizes whatever `build` adds to a fresh stack (Testing.synthScope) and parses it. */
export function synthScope(build: (scope: Construct) => void): Synthesized {
  return parseSynth(Testing.synthScope(build));
}

/** The Terraform reference of a resource attribute, as it appears in synthesized JSON. */
export function ref(type: string, logicalId: string, attribute: string): string {
  return `\${${type}.${logicalId}.${attribute}}`;
}

/** The logical id of the resource of a type whose id contains the given fragment. */
export function logicalId(synth: Synthesized, type: string, fragment: string): string {
  const id = Object.keys(synth.resources(type)).find((key) => key.includes(fragment));
  if (!id) throw new Error(`no ${type} matching ${fragment}`);
  return id;
}

/** The statements of the policy document a policy attribute refers to ("${data.aws_iam_policy_document.x.json}"). */
export function statementsOf(synth: Synthesized, reference: unknown): Record<string, any>[] {
  const id = /^\$\{data\.aws_iam_policy_document\.([^.]+)\.json\}$/.exec(String(reference))?.[1];
  if (!id) throw new Error(`not a reference to a policy document: ${String(reference)}`);
  return (synth.json.data!.aws_iam_policy_document[id] as { statement: Record<string, any>[] })
    .statement;
}
