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
  sid?: string;
  effect?: string;
  actions?: string[];
  not_actions?: string[];
  resources?: string[];
  not_resources?: string[];
  condition?: unknown[];
}

const statementsOf = (synth: Synthesized, documents?: ReadonlySet<string>): Statement[] =>
  Object.entries(synth.json.data?.aws_iam_policy_document ?? {})
    .filter(([id]) => documents === undefined || documents.has(id))
    .flatMap(([, doc]) => (doc.statement ?? []) as Statement[]);

const DOCUMENT_REFERENCE = /^\$\{data\.aws_iam_policy_document\.([^.]+)\.json\}$/;

/** The documents that are KMS key policies: there "*" as a resource is the key itself. */
function keyPolicyDocuments(synth: Synthesized): Set<string> {
  const policies = [
    ...Object.values(synth.resources("aws_kms_key")),
    ...Object.values(synth.resources("aws_kms_key_policy")),
  ].map((resource) => resource.policy);
  return new Set(
    policies.flatMap((policy) => {
      const match = typeof policy === "string" ? DOCUMENT_REFERENCE.exec(policy) : null;
      return match ? [match[1]] : [];
    }),
  );
}

/** Resource attributes that hold an IAM policy, per resource type. */
const POLICY_ATTRIBUTES: Record<string, string[]> = {
  aws_iam_role: ["assume_role_policy"],
  aws_iam_role_policy: ["policy"],
  aws_iam_policy: ["policy"],
  aws_s3_bucket_policy: ["policy"],
  aws_kms_key: ["policy"],
  aws_kms_key_policy: ["policy"],
  aws_sns_topic_policy: ["policy"],
  aws_ecr_repository_policy: ["policy"],
};

describe.each(stacks)("IAM policies of the %s stack", (_name, synth) => {
  const statements = statementsOf(synth);
  const keyDocuments = keyPolicyDocuments(synth);
  const identityAndResourceDocuments = new Set(
    Object.keys(synth.json.data?.aws_iam_policy_document ?? {}).filter(
      (id) => !keyDocuments.has(id),
    ),
  );

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
    for (const statement of statements.filter((s) => s.effect !== "Deny")) {
      expect(statement.not_actions).toBeUndefined();
      expect(statement.not_resources).toBeUndefined();
      for (const action of statement.actions ?? []) expect(action).not.toMatch(/\*/);
    }
  });

  it('allows "*" as a resource only for actions AWS grants on nothing narrower (or in a key policy, where it is the key)', () => {
    for (const statement of statementsOf(synth, identityAndResourceDocuments).filter(
      (s) => s.effect !== "Deny",
    )) {
      if (!(statement.resources ?? []).includes("*")) continue;
      // The policy's own allow-list (policy/wildcard-resource-actions.ts), each action with its reason.
      expect(
        statement.actions!.filter((a) => !Object.hasOwn(ACTIONS_ONLY_ON_ANY_RESOURCE, a)),
      ).toEqual([]);
    }
  });

  it("lets key policies grant only the account (through IAM) and named AWS services", () => {
    for (const statement of statementsOf(synth, keyDocuments)) {
      const principals = (statement as { principals?: { type: string; identifiers: string[] }[] })
        .principals;
      expect(principals?.length).toBeGreaterThan(0);
      for (const principal of principals ?? []) {
        for (const identifier of principal.identifiers) {
          if (principal.type === "Service")
            expect(identifier).toMatch(/^[a-z0-9.-]+\.amazonaws\.com$/);
          else
            expect([principal.type, identifier]).toEqual(["AWS", expect.stringMatching(/:root$/)]);
        }
      }
    }
  });

  it("uses a wildcard action only to deny, and only under a condition", () => {
    for (const statement of statements.filter((s) =>
      (s.actions ?? []).some((a) => a.includes("*")),
    )) {
      expect(statement.effect).toBe("Deny");
      expect(statement.condition?.length).toBeGreaterThan(0);
    }
  });
});
