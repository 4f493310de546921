import { defineRule } from "../rule";

/**
 * Every customer managed key has a key policy of its own, written with the key, rather than the
 * default policy KMS attaches (the whole account, through IAM, for everything).
 *
 * References: checkov CKV2_AWS_64; trivy has no rule for it; cdk-nag has none either (the CDK
 * always writes a key policy).
 */
export const kmsKeyPolicy = defineRule({
  id: "SEC-KMS-002",
  title: "KMS key without an explicit key policy",
  references: { checkov: ["CKV2_AWS_64"], trivy: [], cdkNag: [] },
  fix: "create the key with constructs/managed-key.ts (or give it a policy, or an aws_kms_key_policy) naming who administers and who uses it",
  appliesTo: ["aws_kms_key"],
  check(key, inventory) {
    if (typeof key.attributes.policy === "string") return [];
    const attached = inventory.attachedTo("aws_kms_key_policy", "key_id", key);
    return attached.length > 0 ? [] : [{ problem: "has no key policy (KMS attaches its default)" }];
  },
});
