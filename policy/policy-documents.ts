import {
  blocksOf,
  isRecord,
  referencedAddress,
  stringsOf,
  type InspectedElement,
  type StackInventory,
} from "./inventory";

/** One IAM policy statement, read from an aws_iam_policy_document data source or from policy JSON. */
export interface PolicyStatement {
  /** Its sid, or its position ("statement 2") when it has none: what findings and suppressions name. */
  readonly label: string;
  readonly effect: "Allow" | "Deny";
  readonly actions: readonly string[];
  readonly notActions: readonly string[];
  readonly resources: readonly string[];
  readonly notResources: readonly string[];
  /** Principals as type and identifiers; `"Principal": "*"` reads as type "*" and identifier "*". */
  readonly principals: readonly {
    readonly type: string;
    readonly identifiers: readonly string[];
  }[];
  readonly conditions: readonly {
    readonly test: string;
    readonly variable: string;
    readonly values: readonly string[];
  }[];
}

const POLICY_DOCUMENT = "data.aws_iam_policy_document";

/**
 * The attributes that hold an IAM policy, per resource type, and what kind of policy each is: an
 * identity policy (what a role may do), a resource policy (who may use a resource), a key policy
 * (where "*" as a resource means the key itself) or a trust policy (who may assume a role).
 */
export const POLICY_ATTRIBUTES: Readonly<Record<string, Readonly<Record<string, PolicyKind>>>> = {
  aws_iam_role: { assume_role_policy: "trust" },
  aws_iam_role_policy: { policy: "identity" },
  aws_iam_policy: { policy: "identity" },
  aws_iam_user_policy: { policy: "identity" },
  aws_iam_group_policy: { policy: "identity" },
  aws_kms_key: { policy: "key" },
  aws_kms_key_policy: { policy: "key" },
  aws_s3_bucket_policy: { policy: "resource" },
  aws_sns_topic: { policy: "resource" },
  aws_sns_topic_policy: { policy: "resource" },
  aws_sqs_queue_policy: { policy: "resource" },
  aws_ecr_repository_policy: { policy: "resource" },
  aws_efs_file_system_policy: { policy: "resource" },
  aws_backup_vault_policy: { policy: "resource" },
  aws_secretsmanager_secret_policy: { policy: "resource" },
  aws_cloudwatch_log_resource_policy: { policy_document: "resource" },
};

export type PolicyKind = "identity" | "resource" | "key" | "trust";

const REFERRING_ATTRIBUTES = Object.fromEntries(
  Object.entries(POLICY_ATTRIBUTES).map(([type, attributes]) => [type, Object.keys(attributes)]),
);

/** The statements of an aws_iam_policy_document data source. */
export function documentStatements(document: InspectedElement): PolicyStatement[] {
  return blocksOf(document.attributes.statement).map((statement, i) => ({
    label: typeof statement.sid === "string" ? statement.sid : `statement ${i + 1}`,
    effect: statement.effect === "Deny" ? "Deny" : "Allow",
    actions: stringsOf(statement.actions),
    notActions: stringsOf(statement.not_actions),
    resources: stringsOf(statement.resources),
    notResources: stringsOf(statement.not_resources),
    principals: blocksOf(statement.principals).map((p) => ({
      type: String(p.type),
      identifiers: stringsOf(p.identifiers),
    })),
    conditions: blocksOf(statement.condition).map((c) => ({
      test: String(c.test),
      variable: String(c.variable),
      values: stringsOf(c.values),
    })),
  }));
}

/** The statements of a policy written as JSON, or undefined when it is not JSON policy text. */
export function jsonStatements(text: string): PolicyStatement[] | undefined {
  let policy: unknown;
  try {
    policy = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isRecord(policy)) return undefined;
  const statements = Array.isArray(policy.Statement) ? policy.Statement : [policy.Statement];
  return statements.filter(isRecord).map((statement, i) => ({
    label: typeof statement.Sid === "string" ? statement.Sid : `statement ${i + 1}`,
    effect: statement.Effect === "Deny" ? "Deny" : "Allow",
    actions: stringsOf(statement.Action),
    notActions: stringsOf(statement.NotAction),
    resources: stringsOf(statement.Resource),
    notResources: stringsOf(statement.NotResource),
    principals:
      statement.Principal === "*"
        ? [{ type: "*", identifiers: ["*"] }]
        : Object.entries(isRecord(statement.Principal) ? statement.Principal : {}).map(
            ([type, identifiers]) => ({ type, identifiers: stringsOf(identifiers) }),
          ),
    conditions: Object.entries(isRecord(statement.Condition) ? statement.Condition : {}).flatMap(
      ([test, byVariable]) =>
        Object.entries(isRecord(byVariable) ? byVariable : {}).map(([variable, values]) => ({
          test,
          variable,
          values: stringsOf(values),
        })),
    ),
  }));
}

/** The policies one element holds or is: each with its kind and statements (undefined: unreadable). */
export interface HeldPolicy {
  readonly attribute: string;
  readonly kind: PolicyKind;
  readonly statements: readonly PolicyStatement[] | undefined;
}

/**
 * The policies an element carries: a policy document data source is one policy, of the kind of the
 * attributes that use it (a key policy when only keys use it); a resource's policy attribute is one
 * when it holds JSON rather than a reference to a document (the document is inspected itself).
 */
export function policiesOf(element: InspectedElement, inventory: StackInventory): HeldPolicy[] {
  if (element.type === POLICY_DOCUMENT) {
    const users = inventory.referencesTo(element, REFERRING_ATTRIBUTES);
    const kinds = new Set(
      users.map(({ element: user, attribute }) => POLICY_ATTRIBUTES[user.type][attribute]),
    );
    const kind = kinds.size === 1 ? [...kinds][0] : "identity";
    return [{ attribute: "statement", kind, statements: documentStatements(element) }];
  }
  const attributes = POLICY_ATTRIBUTES[element.type] ?? {};
  return Object.entries(attributes).flatMap(([attribute, kind]) => {
    const value = element.attributes[attribute];
    if (typeof value !== "string") return [];
    const address = referencedAddress(value);
    if (address?.startsWith(`${POLICY_DOCUMENT}.`)) return [];
    return [{ attribute, kind, statements: jsonStatements(value) }];
  });
}

/** The statements of the policy an attribute holds: a referenced policy document's, or its JSON's. */
export function statementsIn(
  value: unknown,
  inventory: StackInventory,
): readonly PolicyStatement[] | undefined {
  if (typeof value !== "string") return undefined;
  const address = referencedAddress(value);
  if (address?.startsWith(`${POLICY_DOCUMENT}.`)) {
    const document = inventory.at(address);
    return document ? documentStatements(document) : undefined;
  }
  return jsonStatements(value);
}
