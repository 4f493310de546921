import { NetworkAclRule } from "@cdktf/provider-aws/lib/network-acl-rule";
import { SecurityGroup } from "@cdktf/provider-aws/lib/security-group";
import { SecurityGroupRule } from "@cdktf/provider-aws/lib/security-group-rule";
import { VpcSecurityGroupIngressRule } from "@cdktf/provider-aws/lib/vpc-security-group-ingress-rule";
import type { Construct } from "constructs";
import { markListenerIngress } from "../../policy";
import { networkAclIngress } from "../../policy/rules/network-acl-ingress";
import { networkPublicIngress } from "../../policy/rules/network-public-ingress";
import { describePolicyRules } from "../support/policy-rule-cases";

const ingress = (scope: Construct, id: string, source: Record<string, string>, port = 22) =>
  new VpcSecurityGroupIngressRule(scope, id, {
    securityGroupId: "sg-0123456789abcdef0",
    ipProtocol: "tcp",
    fromPort: port,
    toPort: port,
    ...source,
  });

const aclRule = (
  scope: Construct,
  fromPort: number,
  toPort: number,
  protocol = "tcp",
  id = "acl-rule",
  ruleNumber = 100,
) =>
  new NetworkAclRule(scope, id, {
    networkAclId: "acl-0123456789abcdef0",
    ruleNumber,
    egress: false,
    protocol,
    ruleAction: "allow",
    cidrBlock: "0.0.0.0/0",
    fromPort,
    toPort,
  });

describePolicyRules("network rules", [
  {
    title: "an ingress rule from 0.0.0.0/0",
    rule: networkPublicIngress,
    violating: (stack) => ingress(stack, "ssh", { cidrIpv4: "0.0.0.0/0" }),
    compliant: (stack) =>
      ingress(stack, "ssh", { referencedSecurityGroupId: "sg-0fedcba987654321" }),
    findings: [["ssh", "admits 0.0.0.0/0 on tcp 22, which is no load balancer listener port"]],
  },
  {
    title: "an ingress rule from ::/0",
    rule: networkPublicIngress,
    violating: (stack) => ingress(stack, "ssh", { cidrIpv6: "::/0" }),
    compliant: (stack) => ingress(stack, "ssh", { cidrIpv6: "fd00::/8" }),
    findings: [["ssh", "admits ::/0 on tcp 22, which is no load balancer listener port"]],
  },
  {
    title: "a marked listener rule opening more than its port",
    rule: networkPublicIngress,
    violating: (stack) => {
      const rule = new VpcSecurityGroupIngressRule(stack, "listener", {
        securityGroupId: "sg-0123456789abcdef0",
        ipProtocol: "tcp",
        fromPort: 80,
        toPort: 90,
        cidrIpv4: "0.0.0.0/0",
      });
      markListenerIngress(rule, 80);
      return rule;
    },
    compliant: (stack) =>
      markListenerIngress(ingress(stack, "listener", { cidrIpv4: "0.0.0.0/0" }, 80), 80),
    findings: [
      ["listener", "admits 0.0.0.0/0 on tcp 80-90, but is marked as the rule of listener port 80"],
    ],
  },
  {
    title: "an inline ingress block of a security group",
    rule: networkPublicIngress,
    violating: (stack) =>
      new SecurityGroup(stack, "group", {
        ingress: [{ protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["0.0.0.0/0"] }],
      }),
    compliant: (stack) =>
      new SecurityGroup(stack, "group", {
        ingress: [{ protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["10.0.0.0/16"] }],
      }),
    findings: [
      ["group", "admits 0.0.0.0/0 on all traffic, which is no load balancer listener port"],
    ],
  },
  {
    title: "a legacy security group rule",
    rule: networkPublicIngress,
    violating: (stack) =>
      new SecurityGroupRule(stack, "rule", {
        type: "ingress",
        securityGroupId: "sg-0123456789abcdef0",
        protocol: "tcp",
        fromPort: 5432,
        toPort: 5432,
        cidrBlocks: ["10.0.0.0/8", "0.0.0.0/0"],
      }),
    compliant: (stack) =>
      new SecurityGroupRule(stack, "rule", {
        type: "egress",
        securityGroupId: "sg-0123456789abcdef0",
        protocol: "tcp",
        fromPort: 443,
        toPort: 443,
        cidrBlocks: ["0.0.0.0/0"],
      }),
    findings: [["rule", "admits 0.0.0.0/0 on tcp 5432, which is no load balancer listener port"]],
  },
  {
    title: "a network ACL rule admitting every port",
    rule: networkAclIngress,
    violating: (stack) => aclRule(stack, 0, 65535),
    compliant: (stack) => aclRule(stack, 3390, 65535),
    findings: [
      [
        "acl-rule",
        "allows tcp 0-65535 in from 0.0.0.0/0, which includes FTP data (20), FTP (21), SSH (22), RDP (3389)",
      ],
    ],
  },
  {
    title: "a network ACL rule admitting a range that reaches SSH",
    rule: networkAclIngress,
    violating: (stack) => aclRule(stack, 20, 25),
    compliant: (stack) => aclRule(stack, 8080, 8081),
    findings: [
      [
        "acl-rule",
        "allows tcp 20-25 in from 0.0.0.0/0, which includes FTP data (20), FTP (21), SSH (22)",
      ],
    ],
  },
  {
    title: "a network ACL rule admitting SSH",
    rule: networkAclIngress,
    violating: (stack) => aclRule(stack, 22, 22),
    compliant: (stack) => aclRule(stack, 32768, 65535),
    findings: [["acl-rule", "allows tcp 22 in from 0.0.0.0/0, which includes SSH (22)"]],
  },
  {
    title: "a network ACL rule admitting the whole ephemeral range, RDP included",
    rule: networkAclIngress,
    violating: (stack) => aclRule(stack, 1024, 65535),
    compliant: (stack) => {
      aclRule(stack, 1024, 3388);
      aclRule(stack, 3390, 65535, "tcp", "acl-rule-above-rdp", 101);
    },
    findings: [["acl-rule", "allows tcp 1024-65535 in from 0.0.0.0/0, which includes RDP (3389)"]],
  },
  {
    title: "a network ACL rule admitting all protocols",
    rule: networkAclIngress,
    violating: (stack) => aclRule(stack, 0, 0, "-1"),
    compliant: (stack) => aclRule(stack, 443, 443),
    findings: [["acl-rule", "allows all traffic in from 0.0.0.0/0"]],
  },
]);
