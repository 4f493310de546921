import {
  largestDirection,
  MAX_RULES_PER_DIRECTION,
  privateTierRules,
  publicTierRules,
  type NetworkAclInputs,
} from "../../lib/network-acl-rules";
import { deriveSubnetLayout } from "../../lib/subnet-layout";
import { loadBalancerRouting, trafficPorts } from "../../stacks/edge-traffic";
import type { EnvironmentConfig } from "../model";
import { quote, type ConfigProblem } from "../problems";
import type { Check } from "./check";

/** The inputs of the environment's network ACLs, exactly as synthesis computes them. */
function aclInputs(env: EnvironmentConfig): NetworkAclInputs {
  const privateSubnets =
    env.vpc.privateSubnets ?? deriveSubnetLayout(env.vpc.cidr, env.azs.length).privateSubnets;
  return {
    vpcCidr: env.vpc.cidr,
    privateSubnetCidrs: privateSubnets,
    ...trafficPorts(env, loadBalancerRouting(env)),
    natGateway: env.vpc.natStrategy !== "none",
    interfaceEndpoints: env.vpc.interfaceEndpoints.length > 0,
  };
}

/**
 * Each subnet tier's network ACL fits AWS's default 20 rules per direction, which apply would
 * otherwise exceed: a rule per range of consecutive listener, service or database ports (database
 * and endpoint rules once per private subnet).
 */
export const checkNetworkAclSize: Check = ({ environments }) =>
  environments.flatMap((env): ConfigProblem[] => {
    let inputs: NetworkAclInputs;
    let sizes: { public: number; private: number };
    try {
      inputs = aclInputs(env);
      sizes = {
        public: largestDirection(publicTierRules(inputs)),
        private: largestDirection(privateTierRules(inputs)),
      };
    } catch {
      return []; // the routing, port and subnet checks report what makes the inputs invalid
    }
    const problems: ConfigProblem[] = [];
    if (sizes.public > MAX_RULES_PER_DIRECTION) {
      problems.push({
        file: env.file,
        path: "$.routing.style",
        message: `${quote(env.routing.style)} routing with ${inputs.loadBalancerPorts.length} listener port(s) and ${new Set(inputs.servicePorts).size} service port(s) needs ${sizes.public} rules in the public subnets' network ACL, more than the ${MAX_RULES_PER_DIRECTION} AWS allows by default; expected "path" routing (one listener port for every service), or consecutive listener and service ports (a range takes one rule)`,
      });
    }
    if (sizes.private > MAX_RULES_PER_DIRECTION) {
      problems.push({
        file: env.file,
        path: "$.azs",
        message: `${env.azs.length} AZs and ${new Set(inputs.servicePorts).size} service port(s) need ${sizes.private} rules in the private subnets' network ACL (database and endpoint rules once per private subnet), more than the ${MAX_RULES_PER_DIRECTION} AWS allows by default; expected fewer AZs, or consecutive service ports (a range takes one rule)`,
      });
    }
    return problems;
  });
