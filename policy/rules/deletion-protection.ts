import { defineRule } from "../rule";

/** The attribute that turns deletion protection on, per resource type. */
const PROTECTION: Readonly<Record<string, string>> = {
  aws_db_instance: "deletion_protection",
  aws_lb: "enable_deletion_protection",
  aws_alb: "enable_deletion_protection",
};

/**
 * Databases and load balancers refuse to be deleted until protection is turned off. Environments
 * that must be destroyable (trials, not production) suppress it with the reason, where the
 * setting is chosen.
 *
 * References: checkov CKV_AWS_293 (databases), CKV_AWS_150 (load balancers); trivy AVD-AWS-0177
 * (aws-rds-enable-deletion-protection); cdk-nag AwsSolutions-RDS10.
 */
export const deletionProtection = defineRule({
  id: "SEC-DEL-001",
  title: "Deletion protection off",
  references: {
    checkov: ["CKV_AWS_293", "CKV_AWS_150"],
    trivy: ["AVD-AWS-0177"],
    cdkNag: ["AwsSolutions-RDS10"],
  },
  fix: "turn deletion protection on (the environment's deletionProtection, on in production)",
  appliesTo: Object.keys(PROTECTION),
  check({ type, attributes }) {
    const attribute = PROTECTION[type];
    return attributes[attribute] === true ? [] : [{ problem: `${attribute} is not true` }];
  },
});
