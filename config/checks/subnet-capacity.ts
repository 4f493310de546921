import { isNetworkAddress, parseCidr, prefixLengthFor, usableAddresses } from "../../lib/cidr";
import { SUBNET_NEW_BITS } from "../../lib/subnet-layout";
import type { EnvironmentConfig } from "../model";
import { jsonPath, quote, type ConfigProblem } from "../problems";
import type { Check } from "./check";

/** An Application Load Balancer needs subnets of at least a /27 (with 8 free addresses) in each AZ. */
const LOAD_BALANCER_MAX_PREFIX = 27;
/** ECS starts new tasks before stopping old ones: up to twice the count during a deployment. */
const DEPLOYMENT_SURGE = 2;

/**
 * The addresses each private subnet must offer: every task takes one, deployments double the count
 * at maximum scale, and when an AZ fails the others absorb its tasks.
 */
export function tasksPerPrivateSubnet(env: EnvironmentConfig): { tasks: number; needed: number } {
  const tasks = env.services.reduce(
    (sum, s) => sum + Math.max(s.desiredCount, s.scaling?.maxCount ?? 0),
    0,
  );
  const surviving = Math.max(1, env.azs.length - 1);
  return { tasks, needed: Math.ceil((DEPLOYMENT_SURGE * tasks) / surviving) };
}

/** Public subnets fit the load balancer; private subnets fit every task the services may run. */
export const checkSubnetCapacity: Check = ({ environments, written }) =>
  environments.flatMap((env): ConfigProblem[] => {
    const vpc = parseCidr(env.vpc.cidr);
    if (!vpc || !isNetworkAddress(vpc)) return [];
    const problems: ConfigProblem[] = [];
    const { tasks, needed } = tasksPerPrivateSubnet(env);
    const why = `deployments double the ${tasks} task(s) at maximum scale, and the other AZs must absorb a failed one`;
    const derivedPrefix = vpc.prefixLength + SUBNET_NEW_BITS;
    const { publicSubnets, privateSubnets } = written.environment(env).vpc;

    if (publicSubnets) {
      publicSubnets.forEach((cidr, i) => {
        const block = parseCidr(cidr);
        if (block && block.prefixLength > LOAD_BALANCER_MAX_PREFIX) {
          problems.push({
            file: env.file,
            path: jsonPath(["vpc", "publicSubnets", i]),
            message: `${quote(cidr)} is too small for the load balancer; expected a /${LOAD_BALANCER_MAX_PREFIX} or larger`,
          });
        }
      });
    } else if (derivedPrefix > LOAD_BALANCER_MAX_PREFIX) {
      problems.push({
        file: env.file,
        path: "$.vpc.cidr",
        message: `${quote(env.vpc.cidr)} leaves /${derivedPrefix} public subnets, too small for the load balancer; expected a VPC of /${LOAD_BALANCER_MAX_PREFIX - SUBNET_NEW_BITS} or larger, or explicit publicSubnets of /${LOAD_BALANCER_MAX_PREFIX} or larger`,
      });
    }

    const required = prefixLengthFor(needed);
    if (privateSubnets) {
      privateSubnets.forEach((cidr, i) => {
        const block = parseCidr(cidr);
        if (block && usableAddresses(block) < needed) {
          problems.push({
            file: env.file,
            path: jsonPath(["vpc", "privateSubnets", i]),
            message: `${quote(cidr)} has ${usableAddresses(block)} usable addresses but may need ${needed} (${why}); expected a /${required} or larger`,
          });
        }
      });
    } else if (usableAddresses({ network: 0, prefixLength: derivedPrefix }) < needed) {
      problems.push({
        file: env.file,
        path: "$.vpc.cidr",
        message: `${quote(env.vpc.cidr)} leaves /${derivedPrefix} private subnets of ${usableAddresses({ network: 0, prefixLength: derivedPrefix })} usable addresses but they may need ${needed} (${why}); expected a VPC of /${required - SUBNET_NEW_BITS} or larger, or explicit privateSubnets of /${required} or larger`,
      });
    }
    return problems;
  });
