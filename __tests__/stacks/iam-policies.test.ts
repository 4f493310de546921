import { IAM_DELEGATION_SID } from "../../modules/encryption";
import { ACTIONS_ONLY_ON_ANY_RESOURCE } from "../../policy";
import { PROJECT, synthEnvironmentStack, synthStateStack } from "../support/stacks";
import type { Synthesized } from "../support/synth";

const stacks: [string, Synthesized][] = [
  ...PROJECT.environments.map((env): [string, Synthesized] => [
    env.name,
    synthEnvironmentStack(env),
  ]),
  ["state", synthStateStack()],
];

interface Statement {
  principals?: { type: string; identifiers: string[] }[];
  sid?: string;
  effect?: string;
  actions?: string[];
  not_actions?: string[];
  resources?: string[];
  not_resources?: string[];
  condition?: unknown[];
}

/** The policy documents used as KMS key policies, where "*" as a resource means the key itself. */
const keyPolicyDocuments = (synth: Synthesized): Set<string> =>
  new Set(
    [
      ...Object.values(synth.resources("aws_kms_key_policy")),
      ...Object.values(synth.resources("aws_kms_key")),
    ]
      .map(
        (r) => /^\$\{data\.aws_iam_policy_document\.([^.]+)\.json\}$/.exec(String(r.policy))?.[1],
      )
      .filter((id): id is string => id !== undefined),
  );

const statementsOf = (synth: Synthesized, { keyPolicies = true } = {}): Statement[] => {
  const keyDocuments = keyPolicyDocuments(synth);
  return Object.entries(synth.json.data?.aws_iam_policy_document ?? {})
    .filter(([id]) => keyPolicies || !keyDocuments.has(id))
    .flatMap(([, doc]) => (doc.statement ?? []) as Statement[]);
};

/** Resource attributes that hold an IAM policy, per resource type. */
const POLICY_ATTRIBUTES: Record<string, string[]> = {
  aws_iam_role: ["assume_role_policy"],
  aws_iam_role_policy: ["policy"],
  aws_iam_policy: ["policy"],
  aws_s3_bucket_policy: ["policy"],
  aws_kms_key: ["policy"],
  aws_kms_key_policy: ["policy"],
  aws_ecr_repository_policy: ["policy"],
};

describe.each(stacks)("IAM policies of the %s stack", (_name, synth) => {
  const statements = statementsOf(synth);

  it("writes every policy as a structured policy document, never as literal JSON", () => {
    for (const [type, attributes] of Object.entries(POLICY_ATTRIBUTES)) {
      for (const resource of Object.values(synth.resources(type))) {
        for (const attribute of attributes) {
          if (resource[attribute] === undefined) continue;
          expect(resource[attribute]).toMatch(/^\$\{data\.aws_iam_policy_document\.[^.]+\.json\}$/);
        }
      }
    }
    expect(statements.length).toBeGreaterThan(0);
  });

  it("allows no wildcard action, and no NotAction or NotResource", () => {
    for (const statement of statements.filter(
      (s) => s.effect !== "Deny" && s.sid !== IAM_DELEGATION_SID,
    )) {
      expect(statement.not_actions).toBeUndefined();
      expect(statement.not_resources).toBeUndefined();
      for (const action of statement.actions ?? []) expect(action).not.toMatch(/\*/);
    }
  });

  it('allows "*" as a resource only for actions AWS grants on nothing narrower (key policies aside)', () => {
    for (const statement of statementsOf(synth, { keyPolicies: false }).filter(
      (s) => s.effect !== "Deny",
    )) {
      if (!(statement.resources ?? []).includes("*")) continue;
      expect(
        statement.actions!.filter((a) => !Object.hasOwn(ACTIONS_ONLY_ON_ANY_RESOURCE, a)),
      ).toEqual([]);
    }
  });

  it("uses a wildcard action only to deny under a condition, or in a key policy to hand the key to the account's IAM", () => {
    for (const statement of statements.filter((s) =>
      (s.actions ?? []).some((a) => a.includes("*")),
    )) {
      if (statement.effect === "Deny") {
        expect(statement.condition?.length).toBeGreaterThan(0);
        continue;
      }
      expect(statement).toMatchObject({
        sid: IAM_DELEGATION_SID,
        actions: ["kms:*"],
        principals: [{ type: "AWS", identifiers: [expect.stringMatching(/:root$/)] }],
      });
    }
  });
});
