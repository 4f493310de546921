import { checkNetworkAclSize } from "../../config/checks/network-acl-size";
import { loadProject } from "../../config/load";
import type { EnvironmentConfig, ServiceConfig } from "../../config/model";
import { deriveSubnetLayout } from "../../lib/subnet-layout";

const [dev] = loadProject(".").environments;
const users = dev.services.find((s) => s.name === "users")!;

/** Services named s0, s1… on ports spaced two apart, so none shares a port range. */
const services = (count: number): ServiceConfig[] =>
  Array.from({ length: count }, (_, i) => ({
    ...users,
    name: `s${i}`,
    port: 9000 + 2 * i,
    routing: {
      ...users.routing,
      listenerPort: 10000 + 2 * i,
      pathPrefix: `/s${i}`,
      priority: i + 1,
    },
  }));

// The check reads only resolved environments: nothing written or edited needs looking up.
const notLookedUp = () => {
  throw new Error("the check looked up a written file or an edit");
};
const problemsOf = (env: EnvironmentConfig) =>
  checkNetworkAclSize({
    environments: [env],
    services: env.services,
    serviceNames: env.services.map((service) => service.name),
    unresolvedServices: [],
    written: { environment: notLookedUp, service: notLookedUp },
    edits: { edited: notLookedUp },
  });

/** The environment over these AZs, with the subnets the layout derives for them. */
const overAzs = (env: EnvironmentConfig, azs: string[]): EnvironmentConfig => ({
  ...env,
  azs,
  vpc: { ...env.vpc, ...deriveSubnetLayout(env.vpc.cidr, azs.length) },
});

describe("the network ACLs' size check", () => {
  it("passes the repository's environments", () => {
    for (const env of loadProject(".").environments) expect(problemsOf(env)).toEqual([]);
  });

  it("refuses listener routing with more listener port ranges than the public ACL can hold", () => {
    // Containers all on 8080: only the listener ports differ.
    const env = {
      ...dev,
      routing: { ...dev.routing, style: "listener" as const },
      services: services(17).map((s) => ({ ...s, port: 8080 })),
    };
    expect(problemsOf(env)).toEqual([
      {
        file: "environments/dev.json",
        path: "$.routing.style",
        message:
          '"listener" routing with 17 listener port(s) and 1 service port(s) needs 21 rules in the public subnets\' network ACL, more than the 20 AWS allows by default; expected "path" routing (one listener port for every service), or consecutive listener and service ports (a range takes one rule)',
      },
    ]);
    expect(problemsOf({ ...env, routing: { ...env.routing, style: "path" } })).toEqual([]);
  });

  it("counts the two rules of the internet's replies, split around RDP (1024-3388, 3390-65535)", () => {
    // 16 listener ranges, HTTPS from the VPC to the NAT, two reply ranges, path MTU discovery: 20.
    const env = {
      ...dev,
      routing: { ...dev.routing, style: "listener" as const },
      services: services(16).map((s) => ({ ...s, port: 8080 })),
    };
    expect(problemsOf(env)).toEqual([]);
    const oneMore = { ...env, services: services(17).map((s) => ({ ...s, port: 8080 })) };
    expect(problemsOf(oneMore)).toEqual([
      expect.objectContaining({ message: expect.stringContaining("needs 21 rules") }),
    ]);
  });

  it("counts consecutive ports as one rule", () => {
    const consecutive = services(18).map((s, i) => ({
      ...s,
      port: 9000 + i,
      routing: { ...s.routing, listenerPort: 10000 + i },
    }));
    const env = {
      ...dev,
      routing: { ...dev.routing, style: "listener" as const },
      services: consecutive,
    };
    expect(problemsOf(env)).toEqual([]);
  });

  it("refuses more database and endpoint rules per private subnet than the private ACL can hold", () => {
    const azs = ["a", "b", "c", "d", "e", "f"].map((letter) => `us-east-1${letter}`);
    const base = overAzs(dev, azs);
    const env: EnvironmentConfig = {
      ...base,
      vpc: { ...base.vpc, natStrategy: "none", interfaceEndpoints: ["ecr.api", "ecr.dkr", "logs"] },
      services: services(5),
    };
    expect(problemsOf(env)).toEqual([
      {
        file: "environments/dev.json",
        path: "$.azs",
        message:
          "6 AZs and 5 service port(s) need 21 rules in the private subnets' network ACL (database and endpoint rules once per private subnet), more than the 20 AWS allows by default; expected fewer AZs, or consecutive service ports (a range takes one rule)",
      },
    ]);
    expect(problemsOf(overAzs(env, azs.slice(0, 5)))).toEqual([]);
  });

  it("leaves inputs it cannot plan to the checks that report them", () => {
    const clash = services(2).map((s) => ({ ...s, routing: { ...s.routing, listenerPort: 9999 } }));
    expect(problemsOf({ ...dev, services: clash })).toEqual([]);
  });
});
