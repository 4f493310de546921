import { blocksOf, stringsOf, type InspectedElement } from "../inventory";
import { defineRule, type Finding } from "../rule";
import { describeTraffic, INTERNET_CIDRS, protocolName } from "./network-ports";

/** The ports of remote administration and clear-text file transfer: never open to the internet. */
const ADMINISTRATION_PORTS: Readonly<Record<number, string>> = {
  20: "FTP data",
  21: "FTP",
  22: "SSH",
  3389: "RDP",
};

interface AclEntry {
  readonly allow: boolean;
  readonly ingress: boolean;
  readonly sources: readonly string[];
  readonly protocol: string;
  readonly fromPort: unknown;
  readonly toPort: unknown;
}

function entriesOf(element: InspectedElement): AclEntry[] {
  const a = element.attributes;
  if (element.type === "aws_network_acl_rule") {
    return [
      {
        allow: a.rule_action === "allow",
        ingress: a.egress !== true,
        sources: [...stringsOf(a.cidr_block), ...stringsOf(a.ipv6_cidr_block)],
        protocol: protocolName(a.protocol),
        fromPort: a.from_port,
        toPort: a.to_port,
      },
    ];
  }
  // aws_network_acl and aws_default_network_acl: inline ingress blocks.
  return blocksOf(a.ingress).map((block) => ({
    allow: block.action === "allow",
    ingress: true,
    sources: [...stringsOf(block.cidr_block), ...stringsOf(block.ipv6_cidr_block)],
    protocol: protocolName(block.protocol),
    fromPort: block.from_port,
    toPort: block.to_port,
  }));
}

/**
 * Network ACLs are stateless and coarse: the public tier must admit the internet on the listener
 * ports and on the ephemeral ports of return traffic, and consecutive listener ports may share one
 * entry. So this rule does not forbid internet ingress as such; security groups (SEC-NET-001) hold
 * the exact line. It refuses what no tier of this architecture needs: all protocols, and any port
 * or range that reaches SSH, RDP or FTP (20, 21, 22, 3389), the ephemeral range included (it is
 * split around 3389: 1024-3388, 3390-65535).
 *
 * References: checkov CKV_AWS_229 (21), CKV_AWS_230 (20), CKV_AWS_231 (3389), CKV_AWS_232 (22);
 * trivy AVD-AWS-0102 (aws-ec2-no-excessive-port-access), AVD-AWS-0105
 * (aws-ec2-no-public-ingress-acl, narrowed as said above); cdk-nag has no network ACL rule.
 */
export const networkAclIngress = defineRule({
  id: "SEC-NET-002",
  title: "Network ACL open to the internet beyond web traffic",
  references: {
    checkov: ["CKV_AWS_229", "CKV_AWS_230", "CKV_AWS_231", "CKV_AWS_232"],
    trivy: ["AVD-AWS-0102", "AVD-AWS-0105"],
    cdkNag: [],
  },
  fix: "allow TCP on the listener ports and the ephemeral return range without RDP (1024-3388, 3390-65535); never all protocols, nor ports 20, 21, 22 or 3389",
  appliesTo: ["aws_network_acl_rule", "aws_network_acl", "aws_default_network_acl"],
  check(element) {
    return entriesOf(element).flatMap((entry): Finding[] => {
      if (!entry.allow || !entry.ingress) return [];
      const source = entry.sources.find((cidr) => INTERNET_CIDRS.includes(cidr));
      if (!source) return [];
      if (entry.protocol === "-1") return [{ problem: `allows all traffic in from ${source}` }];
      if (entry.protocol !== "tcp" && entry.protocol !== "udp") return [];
      const from = Number(entry.fromPort);
      const to = Number(entry.toPort);
      const reached = Object.entries(ADMINISTRATION_PORTS).filter(
        ([port]) => from <= Number(port) && Number(port) <= to,
      );
      if (reached.length === 0) return [];
      return [
        {
          problem: `allows ${describeTraffic(entry.protocol, from, to)} in from ${source}, which includes ${reached.map(([port, name]) => `${name} (${port})`).join(", ")}`,
        },
      ];
    });
  },
});
