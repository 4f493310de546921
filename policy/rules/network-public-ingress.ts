import { blocksOf, stringsOf, type InspectedElement } from "../inventory";
import { listenerPortOf } from "../listener-ingress";
import { defineRule, type Finding } from "../rule";
import { describeTraffic, INTERNET_CIDRS, protocolName } from "./network-ports";

interface Ingress {
  readonly sources: readonly string[];
  readonly protocol: string;
  readonly fromPort: unknown;
  readonly toPort: unknown;
}

/** The ingress permissions an element grants, however it is written. */
function ingressOf(element: InspectedElement): Ingress[] {
  const a = element.attributes;
  switch (element.type) {
    case "aws_vpc_security_group_ingress_rule":
      return [
        {
          sources: [...stringsOf(a.cidr_ipv4), ...stringsOf(a.cidr_ipv6)],
          protocol: protocolName(a.ip_protocol),
          fromPort: a.from_port,
          toPort: a.to_port,
        },
      ];
    case "aws_security_group_rule":
      if (a.type !== "ingress") return [];
      return [
        {
          sources: [...stringsOf(a.cidr_blocks), ...stringsOf(a.ipv6_cidr_blocks)],
          protocol: protocolName(a.protocol),
          fromPort: a.from_port,
          toPort: a.to_port,
        },
      ];
    default:
      // aws_security_group and aws_default_security_group: inline ingress blocks.
      return blocksOf(a.ingress).map((block) => ({
        sources: [...stringsOf(block.cidr_blocks), ...stringsOf(block.ipv6_cidr_blocks)],
        protocol: protocolName(block.protocol),
        fromPort: block.from_port,
        toPort: block.to_port,
      }));
  }
}

/**
 * Security groups admit the internet only on a load balancer's listener ports: every other source
 * is a security group (the load balancer's, a caller's) or a prefix list.
 *
 * References: checkov CKV_AWS_24 (SSH), CKV_AWS_25 (RDP), CKV_AWS_260 (port 80), CKV_AWS_277
 * (all ports); trivy AVD-AWS-0107 (aws-ec2-no-public-ingress-sgr); cdk-nag AwsSolutions-EC23.
 */
export const networkPublicIngress = defineRule({
  id: "SEC-NET-001",
  title: "Security group open to the internet",
  references: {
    checkov: ["CKV_AWS_24", "CKV_AWS_25", "CKV_AWS_260", "CKV_AWS_277"],
    trivy: ["AVD-AWS-0107"],
    cdkNag: ["AwsSolutions-EC23"],
  },
  fix: "admit a security group (referenced_security_group_id) or a prefix list instead of a CIDR; only a load balancer listener's rule, marked with markListenerIngress(rule, port), may admit the internet on that port",
  appliesTo: [
    "aws_vpc_security_group_ingress_rule",
    "aws_security_group_rule",
    "aws_security_group",
    "aws_default_security_group",
  ],
  check(element) {
    const listenerPort = listenerPortOf(element.construct);
    return ingressOf(element).flatMap((ingress): Finding[] => {
      const source = ingress.sources.find((cidr) => INTERNET_CIDRS.includes(cidr));
      if (!source) return [];
      const isListener =
        listenerPort !== undefined &&
        ingress.protocol === "tcp" &&
        Number(ingress.fromPort) === listenerPort &&
        Number(ingress.toPort) === listenerPort;
      if (isListener) return [];
      const traffic = describeTraffic(ingress.protocol, ingress.fromPort, ingress.toPort);
      return [
        {
          problem:
            listenerPort === undefined
              ? `admits ${source} on ${traffic}, which is no load balancer listener port`
              : `admits ${source} on ${traffic}, but is marked as the rule of listener port ${listenerPort}`,
        },
      ];
    });
  },
});
