/**
 * The network ACL rules of the two subnet tiers, derived from the same inputs as the security
 * groups: the load balancer's listener ports, the services' ports, the database ports.
 *
 * Network ACLs are stateless: every connection needs a rule for its request and another for its
 * reply, which arrives on the client's ephemeral port (1024-65535: the range NAT gateways and load
 * balancers use, and wider than Linux's own). They are the coarse second line of defence; the
 * security groups, stateful and per resource, are the fine one.
 *
 * Rule numbers are stable: each kind of rule owns a block of 100 (documented below, and in
 * modules/vpc/README.md), so adding a port never renumbers rules of another kind. Inside a
 * block, consecutive ports share one rule (AWS allows only 20 rules per direction by default),
 * ranges are numbered in ascending order, then subnets in the order of the AZs.
 */

import { HTTPS_PORT } from "./ports";

export const EPHEMERAL_PORTS = { from: 1024, to: 65535 } as const;
/**
 * Remote administration ports (SSH, RDP) no rule open to the internet may include, not even the
 * ephemeral range replies arrive on: that range is split around them. A reply to a NAT'd
 * connection whose translated source port is one of these is dropped, once in some 64,000
 * connections; the client retries.
 */
export const ADMINISTRATION_PORTS = [22, 3389] as const;
export const ANYWHERE = "0.0.0.0/0";
/** ICMP "destination unreachable: fragmentation needed", which path MTU discovery relies on. */
export const FRAGMENTATION_NEEDED = { type: 3, code: 4 } as const;
/** AWS's default quota of rules per direction of a network ACL. */
export const MAX_RULES_PER_DIRECTION = 20;

export interface NetworkAclRule {
  readonly ruleNumber: number;
  readonly action: "allow" | "deny";
  readonly protocol: "tcp" | "icmp";
  readonly cidrBlock: string;
  readonly fromPort: number;
  readonly toPort: number;
  readonly icmpType?: number;
  readonly icmpCode?: number;
  /** Why the rule exists. */
  readonly purpose: string;
}

export interface TierRules {
  readonly ingress: readonly NetworkAclRule[];
  readonly egress: readonly NetworkAclRule[];
}

export interface NetworkAclInputs {
  readonly vpcCidr: string;
  /** The private subnets' CIDR blocks, in the order of the AZs. */
  readonly privateSubnetCidrs: readonly string[];
  /** The load balancer's listener ports: the only ports the internet may open connections to. */
  readonly loadBalancerPorts: readonly number[];
  /** The services' container ports: the load balancer's targets. */
  readonly servicePorts: readonly number[];
  /** The ports of services that other services call. */
  readonly calledServicePorts: readonly number[];
  /** The ports of the databases in the private subnets. */
  readonly databasePorts: readonly number[];
  /** Whether a NAT gateway in the public subnets carries the private subnets' HTTPS out. */
  readonly natGateway: boolean;
  /** Whether interface VPC endpoints in the private subnets answer HTTPS. */
  readonly interfaceEndpoints: boolean;
}

const ascending = (ports: readonly number[]) => [...new Set(ports)].sort((a, b) => a - b);

function tcp(
  ruleNumber: number,
  cidrBlock: string,
  from: number,
  to: number,
  purpose: string,
): NetworkAclRule {
  return {
    ruleNumber,
    action: "allow",
    protocol: "tcp",
    cidrBlock,
    fromPort: from,
    toPort: to,
    purpose,
  };
}

function icmpFragmentationNeeded(ruleNumber: number, cidrBlock: string): NetworkAclRule {
  return {
    ruleNumber,
    action: "allow",
    protocol: "icmp",
    cidrBlock,
    fromPort: 0,
    toPort: 0,
    icmpType: FRAGMENTATION_NEEDED.type,
    icmpCode: FRAGMENTATION_NEEDED.code,
    purpose: "path MTU discovery (ICMP fragmentation needed)",
  };
}

export interface PortRange {
  readonly from: number;
  readonly to: number;
}

/** Ports as the fewest ranges of consecutive ports, ascending: 8000, 8001, 8003 → 8000-8001, 8003. */
export function portRanges(ports: readonly number[]): PortRange[] {
  const ranges: { from: number; to: number }[] = [];
  for (const port of ascending(ports)) {
    const last = ranges[ranges.length - 1];
    if (last && last.to + 1 === port) last.to = port;
    else ranges.push({ from: port, to: port });
  }
  return ranges;
}

const label = ({ from, to }: PortRange) => (from === to ? `${from}` : `${from}-${to}`);

/** One rule per range of consecutive ports, numbered from the block's base. */
function perPortRange(
  base: number,
  ports: readonly number[],
  cidrBlock: string,
  purpose: (ports: string) => string,
): NetworkAclRule[] {
  return portRanges(ports).map((range, i) =>
    tcp(base + i, cidrBlock, range.from, range.to, purpose(label(range))),
  );
}

/** One rule per range of consecutive ports and subnet, numbered from the block's base. */
function perPortRangeAndSubnet(
  base: number,
  ports: readonly number[],
  subnets: readonly string[],
  purpose: (ports: string) => string,
): NetworkAclRule[] {
  return portRanges(ports).flatMap((range, i) =>
    subnets.map((cidr, j) =>
      tcp(base + i * subnets.length + j, cidr, range.from, range.to, purpose(label(range))),
    ),
  );
}

/** A range of ports without the given ones: 1024-65535 without 3389 → 1024-3388, 3390-65535. */
export function rangesWithout(range: PortRange, excluded: readonly number[]): PortRange[] {
  const ranges: PortRange[] = [];
  let from = range.from;
  for (const port of ascending(excluded.filter((p) => p >= range.from && p <= range.to))) {
    if (port > from) ranges.push({ from, to: port - 1 });
    from = port + 1;
  }
  if (from <= range.to) ranges.push({ from, to: range.to });
  return ranges;
}

const ephemeral = (ruleNumber: number, cidrBlock: string, purpose: string) =>
  tcp(ruleNumber, cidrBlock, EPHEMERAL_PORTS.from, EPHEMERAL_PORTS.to, purpose);

/**
 * Replies from the internet: the ephemeral range without the administration ports, one rule per
 * remaining range, numbered from the block's base.
 */
const ephemeralFromInternet = (base: number, purpose: string) =>
  rangesWithout(EPHEMERAL_PORTS, ADMINISTRATION_PORTS).map((range, i) =>
    tcp(base + i, ANYWHERE, range.from, range.to, `${purpose} (${label(range)})`),
  );

/**
 * Public tier (load balancer, NAT gateways).
 *
 * | In  | 100+ | tcp listener ports  | 0.0.0.0/0 | clients to the load balancer               |
 * | In  | 200  | tcp 443             | VPC       | tasks' HTTPS to the NAT gateway (NAT only) |
 * | In  | 300+ | tcp 1024-65535      | 0.0.0.0/0 | replies to the NAT gateway (without 3389: 1024-3388, 3390-65535); from the VPC only without NAT |
 * | In  | 400  | icmp 3/4            | 0.0.0.0/0 | path MTU discovery                          |
 * | Out | 100  | tcp 1024-65535      | 0.0.0.0/0 | replies to clients, and to tasks via NAT    |
 * | Out | 200+ | tcp service ports   | VPC       | load balancer to its targets                |
 * | Out | 300  | tcp 443             | 0.0.0.0/0 | the NAT gateway's HTTPS out (NAT only)      |
 * | Out | 400  | icmp 3/4            | VPC       | path MTU discovery relayed by NAT (NAT only) |
 */
export function publicTierRules(inputs: NetworkAclInputs): TierRules {
  const { vpcCidr, natGateway } = inputs;
  return {
    ingress: [
      ...perPortRange(
        100,
        inputs.loadBalancerPorts,
        ANYWHERE,
        (p) => `clients to the load balancer on ${p}`,
      ),
      ...(natGateway ? [tcp(200, vpcCidr, HTTPS_PORT, HTTPS_PORT, "tasks' HTTPS to the NAT")] : []),
      ...(natGateway
        ? ephemeralFromInternet(300, "replies to the NAT gateway and the load balancer")
        : [ephemeral(300, vpcCidr, "targets' replies to the load balancer")]),
      icmpFragmentationNeeded(400, ANYWHERE),
    ],
    egress: [
      ephemeral(
        100,
        ANYWHERE,
        natGateway ? "replies to clients and NAT'd tasks" : "replies to clients",
      ),
      ...perPortRange(200, inputs.servicePorts, vpcCidr, (p) => `load balancer to targets on ${p}`),
      ...(natGateway
        ? [tcp(300, ANYWHERE, HTTPS_PORT, HTTPS_PORT, "NAT gateway's HTTPS out")]
        : []),
      ...(natGateway ? [icmpFragmentationNeeded(400, vpcCidr)] : []),
    ],
  };
}

/**
 * Private tier (tasks, databases, interface endpoints).
 *
 * | In  | 100+ | tcp service ports   | VPC             | load balancer and callers to services    |
 * | In  | 200+ | tcp database ports  | private subnets | services to their databases              |
 * | In  | 300+ | tcp 443             | private subnets | tasks to interface endpoints (if any)    |
 * | In  | 400+ | DENY database ports | 0.0.0.0/0       | keeps rule 500 from reopening them        |
 * | In  | 500+ | tcp 1024-65535      | 0.0.0.0/0       | replies to the tasks' connections (without 3389: 1024-3388, 3390-65535) |
 * | In  | 600  | icmp 3/4            | 0.0.0.0/0       | path MTU discovery                        |
 * | Out | 100  | tcp 1024-65535      | VPC             | replies to the load balancer and callers |
 * | Out | 200+ | tcp called services | VPC             | services calling services                |
 * | Out | 300+ | tcp database ports  | private subnets | services to their databases              |
 * | Out | 400  | tcp 443             | 0.0.0.0/0       | AWS APIs: NAT, gateway and interface endpoints |
 */
export function privateTierRules(inputs: NetworkAclInputs): TierRules {
  const { vpcCidr, privateSubnetCidrs: subnets } = inputs;
  return {
    ingress: [
      ...perPortRange(
        100,
        inputs.servicePorts,
        vpcCidr,
        (p) => `load balancer and callers to services on ${p}`,
      ),
      ...perPortRangeAndSubnet(
        200,
        inputs.databasePorts,
        subnets,
        (p) => `services to databases on ${p}`,
      ),
      ...(inputs.interfaceEndpoints
        ? perPortRangeAndSubnet(300, [HTTPS_PORT], subnets, () => "tasks to interface endpoints")
        : []),
      // Replies may come to any port from 1024 up, where database ports live too: deny those
      // first (rules match in number order), so only the private subnets reach a database.
      ...portRanges(inputs.databasePorts.filter((port) => port >= EPHEMERAL_PORTS.from)).map(
        (range, i): NetworkAclRule => ({
          ...tcp(
            400 + i,
            ANYWHERE,
            range.from,
            range.to,
            `nothing else to databases on ${label(range)}`,
          ),
          action: "deny",
        }),
      ),
      ...ephemeralFromInternet(500, "replies to the tasks' connections"),
      icmpFragmentationNeeded(600, ANYWHERE),
    ],
    egress: [
      ephemeral(100, vpcCidr, "replies to the load balancer and callers"),
      ...perPortRange(
        200,
        inputs.calledServicePorts,
        vpcCidr,
        (p) => `services calling services on ${p}`,
      ),
      ...perPortRangeAndSubnet(
        300,
        inputs.databasePorts,
        subnets,
        (p) => `services to databases on ${p}`,
      ),
      tcp(400, ANYWHERE, HTTPS_PORT, HTTPS_PORT, "HTTPS to AWS APIs"),
    ],
  };
}

/** The most rules one direction of a tier's network ACL has. */
export function largestDirection(rules: TierRules): number {
  return Math.max(rules.ingress.length, rules.egress.length);
}

/**
 * The rules, unless a direction holds more than AWS's default quota, which would fail only at
 * apply (configuration checks report it earlier, naming the setting to change).
 */
export function withinQuota(tier: string, rules: TierRules): TierRules {
  for (const [direction, list] of Object.entries(rules) as [string, NetworkAclRule[]][]) {
    if (list.length > MAX_RULES_PER_DIRECTION) {
      throw new Error(
        `the ${tier} network ACL needs ${list.length} ${direction} rules, more than the ${MAX_RULES_PER_DIRECTION} AWS allows by default; expected fewer ranges of listener, service or database ports (path routing uses one listener port for all services)`,
      );
    }
  }
  return rules;
}
