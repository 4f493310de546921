import {
  ADMINISTRATION_PORTS,
  largestDirection,
  MAX_RULES_PER_DIRECTION,
  portRanges,
  privateTierRules,
  publicTierRules,
  rangesWithout,
  type NetworkAclInputs,
  withinQuota,
  type NetworkAclRule,
} from "../../lib/network-acl-rules";
import { connects, tcpConnection, verdict, type Host } from "../support/network-acl-flows";

const VPC = "10.0.0.0/16";
const PRIVATE = ["10.0.128.0/20", "10.0.144.0/20"];
/** Prod's shape: path routing with HTTPS, two services (products calls users), users on PostgreSQL. */
const PROD: NetworkAclInputs = {
  vpcCidr: VPC,
  privateSubnetCidrs: PRIVATE,
  loadBalancerPorts: [80, 443],
  servicePorts: [8000, 8001],
  calledServicePorts: [8000],
  databasePorts: [5432],
  natGateway: true,
  interfaceEndpoints: false,
};

type Row = [number, string, string, string, string];
/** [rule number, action, protocol and ports, CIDR, purpose]: the table the README documents. */
const table = (rules: readonly NetworkAclRule[]): Row[] =>
  rules.map((r) => [
    r.ruleNumber,
    r.action,
    r.protocol === "icmp"
      ? `icmp ${r.icmpType}/${r.icmpCode}`
      : `tcp ${r.fromPort === r.toPort ? r.fromPort : `${r.fromPort}-${r.toPort}`}`,
    r.cidrBlock,
    r.purpose,
  ]);

describe("the public tier's network ACL", () => {
  it("admits clients on the listener ports, the tasks' HTTPS to the NAT, replies and path MTU discovery", () => {
    expect(table(publicTierRules(PROD).ingress)).toEqual([
      [100, "allow", "tcp 80", "0.0.0.0/0", "clients to the load balancer on 80"],
      [101, "allow", "tcp 443", "0.0.0.0/0", "clients to the load balancer on 443"],
      [200, "allow", "tcp 443", VPC, "tasks' HTTPS to the NAT"],
      [
        300,
        "allow",
        "tcp 1024-3388",
        "0.0.0.0/0",
        "replies to the NAT gateway and the load balancer (1024-3388)",
      ],
      [
        301,
        "allow",
        "tcp 3390-65535",
        "0.0.0.0/0",
        "replies to the NAT gateway and the load balancer (3390-65535)",
      ],
      [400, "allow", "icmp 3/4", "0.0.0.0/0", "path MTU discovery (ICMP fragmentation needed)"],
    ]);
  });

  it("sends replies, the load balancer's traffic to its targets, and the NAT's HTTPS", () => {
    expect(table(publicTierRules(PROD).egress)).toEqual([
      [100, "allow", "tcp 1024-65535", "0.0.0.0/0", "replies to clients and NAT'd tasks"],
      [200, "allow", "tcp 8000-8001", VPC, "load balancer to targets on 8000-8001"],
      [300, "allow", "tcp 443", "0.0.0.0/0", "NAT gateway's HTTPS out"],
      [400, "allow", "icmp 3/4", VPC, "path MTU discovery (ICMP fragmentation needed)"],
    ]);
  });

  it("without a NAT gateway, admits replies from inside the VPC only and sends no HTTPS out", () => {
    const rules = publicTierRules({ ...PROD, natGateway: false });
    expect(table(rules.ingress)).toEqual([
      [100, "allow", "tcp 80", "0.0.0.0/0", "clients to the load balancer on 80"],
      [101, "allow", "tcp 443", "0.0.0.0/0", "clients to the load balancer on 443"],
      [300, "allow", "tcp 1024-65535", VPC, "targets' replies to the load balancer"],
      [400, "allow", "icmp 3/4", "0.0.0.0/0", "path MTU discovery (ICMP fragmentation needed)"],
    ]);
    expect(table(rules.egress).map(([n]) => n)).toEqual([100, 200]);
  });
});

describe("the private tier's network ACL", () => {
  it("admits the services' ports from the VPC, the database from the private subnets, and replies", () => {
    expect(table(privateTierRules(PROD).ingress)).toEqual([
      [100, "allow", "tcp 8000-8001", VPC, "load balancer and callers to services on 8000-8001"],
      [200, "allow", "tcp 5432", PRIVATE[0], "services to databases on 5432"],
      [201, "allow", "tcp 5432", PRIVATE[1], "services to databases on 5432"],
      [400, "deny", "tcp 5432", "0.0.0.0/0", "nothing else to databases on 5432"],
      [500, "allow", "tcp 1024-3388", "0.0.0.0/0", "replies to the tasks' connections (1024-3388)"],
      [
        501,
        "allow",
        "tcp 3390-65535",
        "0.0.0.0/0",
        "replies to the tasks' connections (3390-65535)",
      ],
      [600, "allow", "icmp 3/4", "0.0.0.0/0", "path MTU discovery (ICMP fragmentation needed)"],
    ]);
  });

  it("sends replies inside the VPC, calls to called services, the database's traffic, and HTTPS out", () => {
    expect(table(privateTierRules(PROD).egress)).toEqual([
      [100, "allow", "tcp 1024-65535", VPC, "replies to the load balancer and callers"],
      [200, "allow", "tcp 8000", VPC, "services calling services on 8000"],
      [300, "allow", "tcp 5432", PRIVATE[0], "services to databases on 5432"],
      [301, "allow", "tcp 5432", PRIVATE[1], "services to databases on 5432"],
      [400, "allow", "tcp 443", "0.0.0.0/0", "HTTPS to AWS APIs"],
    ]);
  });

  it("admits HTTPS from the private subnets when interface endpoints live there", () => {
    const ingress = table(privateTierRules({ ...PROD, interfaceEndpoints: true }).ingress);
    expect(ingress.filter(([n]) => n >= 300 && n < 400)).toEqual([
      [300, "allow", "tcp 443", PRIVATE[0], "tasks to interface endpoints"],
      [301, "allow", "tcp 443", PRIVATE[1], "tasks to interface endpoints"],
    ]);
  });

  it("has no database rules without a database", () => {
    const rules = privateTierRules({ ...PROD, databasePorts: [] });
    expect(table(rules.ingress).map(([n]) => n)).toEqual([100, 500, 501, 600]);
    expect(table(rules.egress).map(([n]) => n)).toEqual([100, 200, 400]);
  });
});

describe("the internet's replies", () => {
  it("never include SSH or RDP, in either tier, whatever the inputs", () => {
    for (const inputs of [PROD, { ...PROD, interfaceEndpoints: true }]) {
      for (const rules of [publicTierRules(inputs), privateTierRules(inputs)]) {
        const open = rules.ingress.filter(
          (r) => r.action === "allow" && r.cidrBlock === "0.0.0.0/0" && r.protocol === "tcp",
        );
        for (const port of ADMINISTRATION_PORTS) {
          expect(open.filter((r) => r.fromPort <= port && port <= r.toPort)).toEqual([]);
        }
      }
    }
  });

  it("still cover every other ephemeral port", () => {
    const replies = privateTierRules(PROD).ingress.filter((r) => r.purpose.startsWith("replies"));
    const covered = (port: number) => replies.some((r) => r.fromPort <= port && port <= r.toPort);
    expect([1024, 3388, 3390, 32768, 65535].every(covered)).toBe(true);
    expect(covered(3389)).toBe(false);
  });

  it("split a range around the excluded ports", () => {
    expect(rangesWithout({ from: 1024, to: 65535 }, [22, 3389])).toEqual([
      { from: 1024, to: 3388 },
      { from: 3390, to: 65535 },
    ]);
    expect(rangesWithout({ from: 1, to: 10 }, [1, 5, 10])).toEqual([
      { from: 2, to: 4 },
      { from: 6, to: 9 },
    ]);
    expect(rangesWithout({ from: 1, to: 3 }, [])).toEqual([{ from: 1, to: 3 }]);
  });
});

describe("port ranges", () => {
  it("merge consecutive ports into one rule, whatever their order or repetition", () => {
    expect(portRanges([8003, 8000, 8001, 8001, 443, 80, 81])).toEqual([
      { from: 80, to: 81 },
      { from: 443, to: 443 },
      { from: 8000, to: 8001 },
      { from: 8003, to: 8003 },
    ]);
    expect(portRanges([])).toEqual([]);
  });

  it("keep a dozen services on consecutive ports within a handful of rules", () => {
    const ports = Array.from({ length: 12 }, (_, i) => 8000 + i);
    const rules = privateTierRules({ ...PROD, servicePorts: ports, calledServicePorts: ports });
    expect(table(rules.ingress)[0]).toEqual([
      100,
      "allow",
      "tcp 8000-8011",
      VPC,
      "load balancer and callers to services on 8000-8011",
    ]);
    expect(rules.ingress).toHaveLength(7);
  });
});

describe("rule numbers", () => {
  it("stay put for every other kind of rule when a port is added", () => {
    const more = { ...PROD, loadBalancerPorts: [80, 443, 8443], servicePorts: [8000, 8001, 9100] };
    const numbers = (rules: readonly NetworkAclRule[]) =>
      new Map(rules.map((r) => [`${r.purpose}|${r.cidrBlock}`, r.ruleNumber]));
    for (const tier of [publicTierRules, privateTierRules]) {
      for (const direction of ["ingress", "egress"] as const) {
        const before = numbers(tier(PROD)[direction]);
        const after = numbers(tier(more)[direction]);
        for (const [rule, number] of before)
          expect([rule, after.get(rule)]).toEqual([rule, number]);
      }
    }
  });

  it("are unique in each direction", () => {
    for (const rules of [
      publicTierRules(PROD),
      privateTierRules({ ...PROD, interfaceEndpoints: true }),
    ]) {
      for (const list of [rules.ingress, rules.egress]) {
        const numbers = list.map((r) => r.ruleNumber);
        expect(new Set(numbers).size).toBe(numbers.length);
      }
    }
  });

  it("never exceed AWS's default 20 per direction: too many ports is an error naming the fix", () => {
    const ports = Array.from({ length: MAX_RULES_PER_DIRECTION }, (_, i) => 9000 + 2 * i);
    const rules = publicTierRules({ ...PROD, loadBalancerPorts: ports });
    expect(largestDirection(rules)).toBe(24);
    expect(() => withinQuota("public", rules)).toThrow(
      "the public network ACL needs 24 ingress rules, more than the 20 AWS allows by default; expected fewer ranges of listener, service or database ports (path routing uses one listener port for all services)",
    );
    expect(withinQuota("public", publicTierRules(PROD))).toEqual(publicTierRules(PROD));
  });
});

describe("the traffic the architecture needs passes both tiers, both ways, and nothing else", () => {
  const publicAcl = publicTierRules(PROD);
  const privateAcl = privateTierRules({ ...PROD, interfaceEndpoints: true });
  const client: Host = { ip: "203.0.113.7" };
  const awsApi: Host = { ip: "52.94.0.10" };
  const loadBalancer: Host = { ip: "10.0.0.10", acl: publicAcl };
  const nat: Host = { ip: "10.0.16.5", acl: publicAcl };
  const users: Host = { ip: "10.0.128.10", acl: privateAcl };
  const products: Host = { ip: "10.0.144.10", acl: privateAcl };
  const database: Host = { ip: "10.0.128.20", acl: privateAcl };
  const endpoint: Host = { ip: "10.0.144.30", acl: privateAcl };

  it.each([
    ["a client to the HTTPS listener", client, 1025, loadBalancer, 443],
    ["a client to the redirect on 80", client, 65000, loadBalancer, 80],
    ["the load balancer to users", loadBalancer, 1500, users, 8000],
    ["the load balancer to products", loadBalancer, 60000, products, 8001],
    ["products calling users in another AZ", products, 40000, users, 8000],
    ["a service in another AZ to its database", products, 45000, database, 5432],
    ["a task to an interface endpoint", users, 50000, endpoint, 443],
    ["a task to S3 or DynamoDB through a gateway endpoint", users, 50000, awsApi, 443],
    ["a task's HTTPS reaching the NAT gateway", users, 50000, nat, 443],
    ["the NAT gateway's HTTPS to AWS", nat, 1500, awsApi, 443],
  ] as const)("allows %s", (_flow, from, fromPort, to, toPort) => {
    expect(tcpConnection(from, fromPort, to, toPort)).toEqual({
      "request out": "allow",
      "request in": "allow",
      "reply out": "allow",
      "reply in": "allow",
    });
  });

  it("relays the NAT gateway's replies to the task that asked", () => {
    // NAT → task: leaves the public tier, enters the private one, to the task's own port.
    expect(verdict(publicAcl.egress, { protocol: "tcp", peer: users.ip, port: 50000 })).toBe(
      "allow",
    );
    expect(verdict(privateAcl.ingress, { protocol: "tcp", peer: awsApi.ip, port: 50000 })).toBe(
      "allow",
    );
  });

  it("lets path MTU discovery's ICMP reach the load balancer, the NAT and the tasks", () => {
    const icmp = { protocol: "icmp", peer: "198.51.100.1", icmp: { type: 3, code: 4 } } as const;
    expect(verdict(publicAcl.ingress, icmp)).toBe("allow");
    expect(verdict(publicAcl.egress, { ...icmp, peer: users.ip })).toBe("allow");
    expect(verdict(privateAcl.ingress, icmp)).toBe("allow");
    expect(verdict(privateAcl.ingress, { ...icmp, icmp: { type: 8, code: 0 } })).toBe("deny");
  });

  it.each([
    ["the internet to SSH on the public tier", client, 50000, loadBalancer, 22],
    ["the internet to SMTP on the public tier", client, 50000, loadBalancer, 25],
    ["the internet to SSH on the private tier", client, 50000, users, 22],
    ["the internet to the database", client, 50000, database, 5432],
    ["the public tier to the database", loadBalancer, 50000, database, 5432],
    ["the NAT gateway to the database", nat, 50000, database, 5432],
    ["the public tier to SSH on a task", nat, 50000, users, 22],
    ["a task to plain HTTP on the internet", users, 50000, awsApi, 80],
    ["a task to SSH on the internet", users, 50000, awsApi, 22],
    ["a task to SSH on the public tier", users, 50000, nat, 22],
    ["the NAT gateway to plain HTTP on the internet", nat, 1500, awsApi, 80],
  ] as const)("refuses %s", (_flow, from, fromPort, to, toPort) => {
    expect(connects(from, fromPort, to, toPort)).toBe(false);
  });

  it("without a NAT gateway, refuses the internet on any public port but the listeners", () => {
    const lonely: Host = { ip: "10.0.0.10", acl: publicTierRules({ ...PROD, natGateway: false }) };
    expect(connects(client, 50000, lonely, 443)).toBe(true);
    for (const port of [22, 8000, 3389, 5432, 65535]) {
      expect([port, connects(client, 50000, lonely, port)]).toEqual([port, false]);
    }
  });
});
