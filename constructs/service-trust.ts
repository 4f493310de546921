import type {
  DataAwsIamPolicyDocumentStatement,
  DataAwsIamPolicyDocumentStatementCondition,
} from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";

export interface ServiceTrust {
  /** The statement's sid. */
  readonly sid: string;
  /** The service principal, e.g. "ecs-tasks.amazonaws.com". */
  readonly service: string;
  /** What the service may do, e.g. ["sts:AssumeRole"]. */
  readonly actions: readonly string[];
  /** What it may do it on. @default none (trust policies and key policies name no resource of their own) */
  readonly resources?: readonly string[];
  /** The account the service must act for (aws:SourceAccount). @default any account */
  readonly account?: string;
  /** The resources the service must act for (aws:SourceArn, wildcards allowed). @default any resource */
  readonly sourceArns?: readonly string[];
}

/**
 * A statement letting an AWS service act, guarded against the confused deputy: the service may act
 * only on behalf of the given account (aws:SourceAccount) and of the given resources
 * (aws:SourceArn). A condition whose value is not known (no account given) is left out rather than
 * written with a placeholder.
 */
export function serviceTrustStatement(trust: ServiceTrust): DataAwsIamPolicyDocumentStatement {
  const condition: DataAwsIamPolicyDocumentStatementCondition[] = [
    ...(trust.account
      ? [{ test: "StringEquals", variable: "aws:SourceAccount", values: [trust.account] }]
      : []),
    ...(trust.sourceArns && trust.sourceArns.length > 0
      ? [{ test: "ArnLike", variable: "aws:SourceArn", values: [...trust.sourceArns] }]
      : []),
  ];
  return {
    sid: trust.sid,
    principals: [{ type: "Service", identifiers: [trust.service] }],
    actions: [...trust.actions],
    ...(trust.resources && { resources: [...trust.resources] }),
    ...(condition.length > 0 && { condition }),
  };
}

/** A role's trust statement: the service may assume it, for the given account and resources only. */
export function assumeRoleStatement(
  trust: Omit<ServiceTrust, "actions" | "resources">,
): DataAwsIamPolicyDocumentStatement {
  return serviceTrustStatement({ ...trust, actions: ["sts:AssumeRole"] });
}
