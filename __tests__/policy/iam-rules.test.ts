import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy";
import { IamRolePolicyAttachment } from "@cdktf/provider-aws/lib/iam-role-policy-attachment";
import { KmsKeyPolicy } from "@cdktf/provider-aws/lib/kms-key-policy";
import { Fn } from "cdktf";
import type { Construct } from "constructs";
import { iamManagedPolicies } from "../../policy/rules/iam-managed-policies";
import { iamWildcardActions } from "../../policy/rules/iam-wildcard-actions";
import { iamWildcardResources } from "../../policy/rules/iam-wildcard-resources";
import { policyDocument, rotatedKey } from "../support/policy-fixtures";
import { describePolicyRules } from "../support/policy-rule-cases";

const TABLE = "arn:aws:dynamodb:us-east-1:123456789012:table/orders";

const role = (scope: Construct) =>
  new IamRole(scope, "role", {
    assumeRolePolicy: policyDocument(scope, "trust", [
      {
        actions: ["sts:AssumeRole"],
        principals: [{ type: "Service", identifiers: ["ecs-tasks.amazonaws.com"] }],
      },
    ]).json,
  });

const inlinePolicy = (scope: Construct, policy: string) =>
  new IamRolePolicy(scope, "inline-policy", { role: role(scope).id, policy });

describePolicyRules("IAM rules", [
  {
    title: "a policy document allowing a wildcard action",
    rule: iamWildcardActions,
    violating: (stack) =>
      policyDocument(stack, "document", [
        { sid: "Orders", actions: ["dynamodb:*"], resources: [TABLE] },
      ]),
    compliant: (stack) =>
      policyDocument(stack, "document", [
        { sid: "Orders", actions: ["dynamodb:GetItem"], resources: [TABLE] },
        {
          sid: "DenyOutsideVpc",
          effect: "Deny",
          actions: ["dynamodb:*"],
          resources: [TABLE],
          condition: [{ test: "StringNotEquals", variable: "aws:SourceVpce", values: ["vpce-1"] }],
        },
      ]),
    findings: [["document", 'statement "Orders" allows dynamodb:*']],
  },
  {
    title: "a statement allowing everything but some actions",
    rule: iamWildcardActions,
    violating: (stack) =>
      policyDocument(stack, "document", [{ notActions: ["iam:*"], resources: [TABLE] }]),
    compliant: (stack) =>
      policyDocument(stack, "document", [{ actions: ["dynamodb:Query"], resources: [TABLE] }]),
    findings: [["document", 'statement "statement 1" allows every action but iam:* (NotAction)']],
  },
  {
    title: "a role policy written as JSON with a wildcard action",
    rule: iamWildcardActions,
    violating: (stack) =>
      inlinePolicy(
        stack,
        JSON.stringify({
          Version: "2012-10-17",
          Statement: [{ Sid: "All", Effect: "Allow", Action: "*", Resource: "*" }],
        }),
      ),
    compliant: (stack) =>
      inlinePolicy(
        stack,
        JSON.stringify({
          Version: "2012-10-17",
          Statement: { Effect: "Allow", Action: ["dynamodb:GetItem"], Resource: TABLE },
        }),
      ),
    findings: [["inline-policy", 'statement "All" allows *']],
  },
  {
    title: "a role policy the policy cannot read",
    rule: iamWildcardActions,
    violating: (stack) =>
      inlinePolicy(stack, Fn.jsonencode({ Statement: [{ Action: "dynamodb:GetItem" }] })),
    compliant: (stack) =>
      inlinePolicy(
        stack,
        policyDocument(stack, "document", [{ actions: ["dynamodb:GetItem"], resources: [TABLE] }])
          .json,
      ),
    findings: [
      [
        "inline-policy",
        "policy is neither a policy document nor policy JSON, so it cannot be checked",
        "write it as an aws_iam_policy_document data source and use its json",
      ],
    ],
  },
  {
    title: "an action scoped to every resource",
    rule: iamWildcardResources,
    violating: (stack) =>
      policyDocument(stack, "document", [
        {
          sid: "Pull",
          actions: ["ecr:GetAuthorizationToken", "ecr:BatchGetImage"],
          resources: ["*"],
        },
      ]),
    compliant: (stack) =>
      policyDocument(stack, "document", [
        { sid: "Token", actions: ["ecr:GetAuthorizationToken"], resources: ["*"] },
        {
          sid: "Pull",
          actions: ["ecr:BatchGetImage"],
          resources: ["arn:aws:ecr:us-east-1:123456789012:repository/app"],
        },
      ]),
    findings: [["document", 'statement "Pull" allows ecr:BatchGetImage on every resource ("*")']],
  },
  {
    title: "a statement for every resource but some",
    rule: iamWildcardResources,
    violating: (stack) =>
      policyDocument(stack, "document", [{ actions: ["dynamodb:GetItem"], notResources: [TABLE] }]),
    compliant: (stack) => {
      // In a key policy "*" is the key itself.
      const key = rotatedKey(stack);
      new KmsKeyPolicy(stack, "key-policy", {
        keyId: key.keyId,
        policy: policyDocument(stack, "key-policy-document", [
          {
            actions: ["kms:Decrypt"],
            principals: [{ type: "AWS", identifiers: ["arn:aws:iam::123456789012:role/app"] }],
            resources: ["*"],
          },
        ]).json,
      });
    },
    findings: [
      ["document", `statement "statement 1" applies to every resource but ${TABLE} (NotResource)`],
    ],
  },
  {
    title: "an AWS managed policy attached to a role",
    rule: iamManagedPolicies,
    violating: (stack) =>
      new IamRolePolicyAttachment(stack, "attachment", {
        role: role(stack).name,
        policyArn: "arn:aws:iam::aws:policy/AmazonS3FullAccess",
      }),
    compliant: (stack) =>
      new IamRolePolicyAttachment(stack, "attachment", {
        role: role(stack).name,
        policyArn: "arn:aws:iam::123456789012:policy/orders-reader",
      }),
    findings: [["attachment", "attaches the AWS managed policy AmazonS3FullAccess"]],
  },
]);
