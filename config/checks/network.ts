import {
  contains,
  formatCidr,
  isNetworkAddress,
  overlaps,
  parseCidr,
  type Ipv4Block,
} from "../../lib/cidr";
import { jsonPath, quote, type ConfigProblem } from "../problems";
import type { Check } from "./check";

/** The VPC CIDR is a network address AWS accepts. */
export const checkVpcCidr: Check = ({ environments }) =>
  environments.flatMap((env): ConfigProblem[] => {
    const block = parseCidr(env.vpc.cidr);
    const at = { file: env.file, path: "$.vpc.cidr" };
    if (!block) return [];
    if (!isNetworkAddress(block)) {
      const network = formatCidr({
        ...block,
        network: block.network - (block.network % 2 ** (32 - block.prefixLength)),
      });
      return [
        {
          ...at,
          message: `${quote(env.vpc.cidr)} has host bits set; expected the network address, e.g. ${quote(network)}`,
        },
      ];
    }
    if (block.prefixLength < 16 || block.prefixLength > 24) {
      return [
        {
          ...at,
          message: `${quote(env.vpc.cidr)} is a /${block.prefixLength}; expected a VPC block from /16 to /24`,
        },
      ];
    }
    return [];
  });

/** Explicit subnets: one per AZ, inside the VPC, overlapping nothing. */
export const checkSubnets: Check = ({ environments }) =>
  environments.flatMap((env) => {
    const vpc = parseCidr(env.vpc.cidr);
    const problems: ConfigProblem[] = [];
    const placed: { block: Ipv4Block; path: string }[] = [];
    for (const tier of ["publicSubnets", "privateSubnets"] as const) {
      const subnets = env.vpc[tier];
      if (!subnets) continue;
      if (subnets.length !== env.azs.length) {
        problems.push({
          file: env.file,
          path: jsonPath(["vpc", tier]),
          message: `${subnets.length} subnet(s) for ${env.azs.length} AZs; expected exactly one per AZ, in the order of azs`,
        });
      }
      subnets.forEach((cidr, i) => {
        const block = parseCidr(cidr);
        const path = jsonPath(["vpc", tier, i]);
        if (!block || !vpc) return;
        if (!contains(vpc, block)) {
          problems.push({
            file: env.file,
            path,
            message: `${quote(cidr)} is outside the VPC ${quote(env.vpc.cidr)}; expected a block inside it`,
          });
        }
        const clash = placed.find((p) => overlaps(p.block, block));
        if (clash) {
          problems.push({
            file: env.file,
            path,
            message: `${quote(cidr)} overlaps the subnet at ${clash.path}; expected non-overlapping subnets`,
          });
        }
        placed.push({ block, path });
      });
    }
    return problems;
  });

/** AZ names belong to the environment's region ("us-east-1a" for "us-east-1"). */
export const checkAzRegion: Check = ({ environments }) =>
  environments.flatMap((env) =>
    env.azs
      .map((az, i) => ({ az, i }))
      .filter(({ az }) => !new RegExp(`^${env.region}[a-z]$`).test(az))
      .map(({ az, i }) => ({
        file: env.file,
        path: jsonPath(["azs", i]),
        message: `${quote(az)} is not an availability zone of ${quote(env.region)}; expected e.g. ${quote(`${env.region}a`)}`,
      })),
  );
