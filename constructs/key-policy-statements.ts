import type { DataAwsIamPolicyDocumentStatement } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";
import { KEY_ACCOUNT_ACTIONS } from "../lib/kms-key-account-actions";

/** Where a key lives: the parts of its ARN its policy names. */
export interface KeyLocation {
  readonly partition: string;
  readonly region: string;
  readonly account: string;
}

/** What using a key means: the cryptographic operations AWS services perform for their callers. */
export const KEY_USE_ACTIONS = [
  "kms:Decrypt",
  "kms:DescribeKey",
  "kms:Encrypt",
  "kms:GenerateDataKey",
  "kms:GenerateDataKeyWithoutPlaintext",
  "kms:ReEncryptFrom",
  "kms:ReEncryptTo",
];

/** Administering a key: everything but using it and granting its use (which services do). */
export const KEY_ADMINISTRATION_ACTIONS = KEY_ACCOUNT_ACTIONS.filter(
  (action) => !KEY_USE_ACTIONS.includes(action) && action !== "kms:CreateGrant",
);

const accountRoot = (at: KeyLocation) => `arn:${at.partition}:iam::${at.account}:root`;

/**
 * The account's administrators (through their IAM policies) may administer the key: describe,
 * enable, rotate, tag, change its policy, schedule its deletion. Using it is not administering it.
 * In a key policy "*" is the key itself.
 */
export function keyAdministrationStatement(at: KeyLocation): DataAwsIamPolicyDocumentStatement {
  return {
    sid: "AccountAdministersKey",
    principals: [{ type: "AWS", identifiers: [accountRoot(at)] }],
    actions: KEY_ADMINISTRATION_ACTIONS,
    resources: ["*"],
  };
}

/**
 * The account's principals, as their IAM policies allow, may use the key only through the given
 * AWS services of the key's region (kms:ViaService) and from the account itself
 * (kms:CallerAccount): the S3 objects, tables or databases it encrypts, never raw KMS calls.
 * Grants are for those services' resources only.
 */
export function useThroughServicesStatement(
  at: KeyLocation,
  services: readonly string[],
): DataAwsIamPolicyDocumentStatement {
  return {
    sid: "AccountUsesKeyThroughServices",
    principals: [{ type: "AWS", identifiers: [accountRoot(at)] }],
    actions: [...KEY_USE_ACTIONS, "kms:CreateGrant"],
    resources: ["*"],
    condition: [
      {
        test: "StringEquals",
        variable: "kms:ViaService",
        values: services.map((service) => `${service}.${at.region}.amazonaws.com`),
      },
      { test: "StringEquals", variable: "kms:CallerAccount", values: [at.account] },
    ],
  };
}

/**
 * AWS's default key policy, with the actions spelled out rather than "kms:*": the account's
 * principals may administer and use the key as their IAM policies allow. For keys used directly
 * by the account's principals; otherwise prefer administration plus use through services.
 */
export function accountThroughIamStatement(at: KeyLocation): DataAwsIamPolicyDocumentStatement {
  return {
    sid: "AccountPrincipalsThroughIam",
    principals: [{ type: "AWS", identifiers: [accountRoot(at)] }],
    actions: [...KEY_ACCOUNT_ACTIONS],
    resources: ["*"],
  };
}
