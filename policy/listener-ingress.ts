import { TerraformElement } from "cdktf";
import type { IConstruct } from "constructs";

const LISTENER_PORT = "security-policy:listener-port";

/**
 * Marks a security group ingress rule as the one that lets the internet reach a load balancer
 * listener: SEC-NET-001 then accepts an internet source on exactly that TCP port, and nothing
 * else. The mark is written into the rule's `//` comment in cdk.tf.json, for reviewers.
 */
export function markListenerIngress(rule: IConstruct, port: number): void {
  rule.node.addMetadata(LISTENER_PORT, port);
  if (TerraformElement.isTerraformElement(rule)) {
    rule.addOverride("//.security_policy.listener_port", port);
  }
}

/** The listener port a rule was marked with, if any. */
export function listenerPortOf(construct: IConstruct): number | undefined {
  const entry = construct.node.metadata.find((m) => m.type === LISTENER_PORT);
  return entry === undefined ? undefined : Number(entry.data);
}
