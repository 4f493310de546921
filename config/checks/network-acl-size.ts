import { largestDirection, MAX_RULES_PER_DIRECTION } from "../../lib/network-acl-rules";
import { networkAclPlan, trafficPorts } from "../edge-traffic";
import { quote, type ConfigProblem } from "../problems";
import type { Check } from "./check";

/**
 * Each subnet tier's network ACL, as the VPC module plans it, fits AWS's default 20 rules per
 * direction, which apply would otherwise exceed: a rule per range of consecutive listener, service
 * or database ports (database and endpoint rules once per private subnet). Routing that admits no
 * listener plan has no ACLs to size: the routing checks report it.
 */
export const checkNetworkAclSize: Check = ({ environments }) =>
  environments.flatMap((env): ConfigProblem[] => {
    const plan = networkAclPlan(env);
    if (!plan) return [];
    const sizes = {
      public: largestDirection(plan.public),
      private: largestDirection(plan.private),
    };
    const { loadBalancerPorts, servicePorts } = trafficPorts(env);
    const problems: ConfigProblem[] = [];
    if (sizes.public > MAX_RULES_PER_DIRECTION) {
      problems.push({
        file: env.file,
        path: "$.routing.style",
        message: `${quote(env.routing.style)} routing with ${loadBalancerPorts.length} listener port(s) and ${new Set(servicePorts).size} service port(s) needs ${sizes.public} rules in the public subnets' network ACL, more than the ${MAX_RULES_PER_DIRECTION} AWS allows by default; expected "path" routing (one listener port for every service), or consecutive listener and service ports (a range takes one rule)`,
      });
    }
    if (sizes.private > MAX_RULES_PER_DIRECTION) {
      problems.push({
        file: env.file,
        path: "$.azs",
        message: `${env.azs.length} AZs and ${new Set(servicePorts).size} service port(s) need ${sizes.private} rules in the private subnets' network ACL (database and endpoint rules once per private subnet), more than the ${MAX_RULES_PER_DIRECTION} AWS allows by default; expected fewer AZs, or consecutive service ports (a range takes one rule)`,
      });
    }
    return problems;
  });
