import { policiesOf } from "../policy-documents";
import { defineRule, type Finding } from "../rule";
import { isOnlyOnAnyResource } from "../wildcard-resource-actions";
import { IAM_POLICY_TYPES } from "./iam-wildcard-actions";

/**
 * An Allow statement names its resources: "*" only for the actions AWS authorizes on nothing
 * narrower (policy/wildcard-resource-actions.ts, each with its reason), and no NotResource. In a
 * key policy "*" means the key itself, so key policies are exempt.
 *
 * References: checkov CKV_AWS_356 (policy documents), CKV_AWS_355 (policy resources), CKV_AWS_111
 * (write access without constraints); trivy AVD-AWS-0057 (aws-iam-no-policy-wildcards); cdk-nag
 * AwsSolutions-IAM5.
 */
export const iamWildcardResources = defineRule({
  id: "SEC-IAM-002",
  title: "IAM policy allows actions on every resource",
  references: {
    checkov: ["CKV_AWS_356", "CKV_AWS_355", "CKV_AWS_111"],
    trivy: ["AVD-AWS-0057"],
    cdkNag: ["AwsSolutions-IAM5"],
  },
  fix: 'name the ARNs the actions apply to; "*" is only for actions with no resource-level permissions (listed in policy/wildcard-resource-actions.ts with their reason)',
  appliesTo: IAM_POLICY_TYPES,
  check(element, inventory) {
    return policiesOf(element, inventory)
      .filter(({ kind }) => kind !== "key")
      .flatMap(({ statements }) =>
        (statements ?? [])
          .filter((statement) => statement.effect === "Allow")
          .flatMap((statement): Finding[] => {
            const findings: Finding[] = [];
            if (statement.resources.includes("*")) {
              const scoped = statement.actions.filter((action) => !isOnlyOnAnyResource(action));
              if (scoped.length > 0) {
                findings.push({
                  problem: `statement "${statement.label}" allows ${scoped.join(", ")} on every resource ("*")`,
                  subject: statement.label,
                });
              }
            }
            if (statement.notResources.length > 0) {
              findings.push({
                problem: `statement "${statement.label}" applies to every resource but ${statement.notResources.join(", ")} (NotResource)`,
                subject: statement.label,
              });
            }
            return findings;
          }),
      );
  },
});
