import { DefaultNetworkAcl } from "@cdktf/provider-aws/lib/default-network-acl";
import { NetworkAcl, type NetworkAclIngress } from "@cdktf/provider-aws/lib/network-acl";
import { Construct } from "constructs";
import type { NetworkAclRule, TierRules } from "../../lib/network-acl-rules";

export interface NetworkAclsProps {
  /** Prefix of the Name tags, e.g. "shop-prod". */
  readonly name: string;
  readonly vpcId: string;
  /** The VPC's default network ACL, stripped of its allow-all rules. */
  readonly defaultNetworkAclId: string;
  readonly publicSubnetIds: readonly string[];
  readonly privateSubnetIds: readonly string[];
  readonly publicRules: TierRules;
  readonly privateRules: TierRules;
}

const entry = (rule: NetworkAclRule): NetworkAclIngress => ({
  ruleNo: rule.ruleNumber,
  action: rule.action,
  protocol: rule.protocol,
  cidrBlock: rule.cidrBlock,
  fromPort: rule.fromPort,
  toPort: rule.toPort,
  ...(rule.protocol === "icmp" && { icmpType: rule.icmpType, icmpCode: rule.icmpCode }),
});

/**
 * A network ACL per subnet tier, owning its subnets and every one of its rules (rules added
 * outside Terraform are removed at the next apply), and the default network ACL left with no
 * rule at all, so a subnet that ever falls back to it gets no traffic.
 */
export class NetworkAcls extends Construct {
  public readonly publicNetworkAclId: string;
  public readonly privateNetworkAclId: string;

  constructor(scope: Construct, id: string, props: NetworkAclsProps) {
    super(scope, id);
    const tier = (tierName: string, subnetIds: readonly string[], rules: TierRules) =>
      new NetworkAcl(this, tierName, {
        vpcId: props.vpcId,
        subnetIds: [...subnetIds],
        ingress: rules.ingress.map(entry),
        egress: rules.egress.map(entry),
        tags: { Name: `${props.name}-${tierName}`, Tier: tierName },
      });
    const publicAcl = tier("public", props.publicSubnetIds, props.publicRules);
    const privateAcl = tier("private", props.privateSubnetIds, props.privateRules);

    new DefaultNetworkAcl(this, "default", {
      defaultNetworkAclId: props.defaultNetworkAclId,
      tags: { Name: `${props.name}-default-deny-all` },
      // Every subnet is associated with a tier's ACL above; AWS moves a subnet back here only
      // when that association goes, and the subnet should then stay dark.
      lifecycle: { ignoreChanges: ["subnet_ids"] },
    });

    this.publicNetworkAclId = publicAcl.id;
    this.privateNetworkAclId = privateAcl.id;
  }
}
