import { contains, parseCidr } from "../../lib/cidr";
import type { NetworkAclRule, TierRules } from "../../lib/network-acl-rules";

/** A packet as a network ACL sees it: its protocol, the address on the other side, the port it goes to. */
export interface Packet {
  readonly protocol: "tcp" | "icmp";
  readonly peer: string;
  readonly port?: number;
  readonly icmp?: { readonly type: number; readonly code: number };
}

/** What AWS does: the lowest-numbered matching rule decides; no match is a deny. */
export function verdict(rules: readonly NetworkAclRule[], packet: Packet): "allow" | "deny" {
  const peer = parseCidr(`${packet.peer}/32`)!;
  const match = [...rules]
    .sort((a, b) => a.ruleNumber - b.ruleNumber)
    .find((rule) => {
      if (rule.protocol !== packet.protocol) return false;
      if (!contains(parseCidr(rule.cidrBlock)!, peer)) return false;
      if (rule.protocol === "icmp") {
        return rule.icmpType === packet.icmp?.type && rule.icmpCode === packet.icmp?.code;
      }
      return packet.port! >= rule.fromPort && packet.port! <= rule.toPort;
    });
  return match?.action ?? "deny";
}

/** An address and the network ACL of its subnet; none for hosts outside the VPC. */
export interface Host {
  readonly ip: string;
  readonly acl?: TierRules;
}

/** The four checks a TCP connection meets at subnet boundaries: request out and in, reply out and in. */
export function tcpConnection(
  client: Host,
  clientPort: number,
  server: Host,
  serverPort: number,
): Record<"request out" | "request in" | "reply out" | "reply in", "allow" | "deny"> {
  const check = (acl: TierRules | undefined, direction: "ingress" | "egress", packet: Packet) =>
    acl ? verdict(acl[direction], packet) : "allow";
  return {
    "request out": check(client.acl, "egress", {
      protocol: "tcp",
      peer: server.ip,
      port: serverPort,
    }),
    "request in": check(server.acl, "ingress", {
      protocol: "tcp",
      peer: client.ip,
      port: serverPort,
    }),
    "reply out": check(server.acl, "egress", {
      protocol: "tcp",
      peer: client.ip,
      port: clientPort,
    }),
    "reply in": check(client.acl, "ingress", {
      protocol: "tcp",
      peer: server.ip,
      port: clientPort,
    }),
  };
}

/** True when every check of the connection allows it. */
export function connects(...args: Parameters<typeof tcpConnection>): boolean {
  return Object.values(tcpConnection(...args)).every((v) => v === "allow");
}
