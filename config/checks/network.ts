import {
  contains,
  formatCidr,
  isNetworkAddress,
  overlaps,
  parseCidr,
  type Ipv4Block,
} from "../../lib/cidr";
import { MAX_DERIVED_AZS } from "../../lib/subnet-layout";
import { jsonPath, quote, type ConfigProblem } from "../problems";
import type { Check } from "./check";

/** The prefix lengths AWS accepts for a VPC and, through the derived /n+4 layout, this project. */
const VPC_PREFIX = { min: 16, max: 24 } as const;
/** The prefix lengths AWS accepts for a subnet. */
const SUBNET_PREFIX = { min: 16, max: 28 } as const;

function networkAddress(block: Ipv4Block): string {
  return formatCidr({
    ...block,
    network: block.network - (block.network % 2 ** (32 - block.prefixLength)),
  });
}

function isValidVpc(block: Ipv4Block): boolean {
  return (
    isNetworkAddress(block) &&
    block.prefixLength >= VPC_PREFIX.min &&
    block.prefixLength <= VPC_PREFIX.max
  );
}

/** The VPC CIDR is a network address AWS accepts. */
export const checkVpcCidr: Check = ({ environments }) =>
  environments.flatMap((env): ConfigProblem[] => {
    const block = parseCidr(env.vpc.cidr);
    const at = { file: env.file, path: "$.vpc.cidr" };
    if (!block) return [];
    if (!isNetworkAddress(block)) {
      return [
        {
          ...at,
          message: `${quote(env.vpc.cidr)} has host bits set; expected the network address, e.g. ${quote(networkAddress(block))}`,
        },
      ];
    }
    if (block.prefixLength < VPC_PREFIX.min || block.prefixLength > VPC_PREFIX.max) {
      return [
        {
          ...at,
          message: `${quote(env.vpc.cidr)} is a /${block.prefixLength}; expected a VPC block from /${VPC_PREFIX.min} to /${VPC_PREFIX.max}`,
        },
      ];
    }
    return [];
  });

/**
 * Explicit subnets: both tiers or neither, one per AZ, network addresses of a size AWS accepts,
 * inside the VPC, overlapping nothing. Derived subnets: no more AZs than the layout has room for.
 */
export const checkSubnets: Check = ({ environments, written }) =>
  environments.flatMap((env) => {
    // Containment means nothing against a VPC block that is itself wrong (reported on its own).
    const parsed = parseCidr(env.vpc.cidr);
    const vpc = parsed && isValidVpc(parsed) ? parsed : undefined;
    const problems: ConfigProblem[] = [];
    const report = (path: string, message: string) =>
      problems.push({ file: env.file, path, message });
    const writtenVpc = written.environment(env).vpc;
    const { publicSubnets, privateSubnets } = writtenVpc;

    if ((publicSubnets === undefined) !== (privateSubnets === undefined)) {
      const [given, missing] = publicSubnets
        ? ["publicSubnets", "privateSubnets"]
        : ["privateSubnets", "publicSubnets"];
      report(
        jsonPath(["vpc", missing]),
        `required key is missing: ${given} is set; expected ${missing} too, one per AZ (or neither, to derive both from the VPC CIDR)`,
      );
    }
    if (
      publicSubnets === undefined &&
      privateSubnets === undefined &&
      env.azs.length > MAX_DERIVED_AZS
    ) {
      report(
        "$.azs",
        `${env.azs.length} AZs; expected at most ${MAX_DERIVED_AZS} when subnets are derived from the VPC CIDR, or explicit publicSubnets and privateSubnets`,
      );
    }

    const placed: { block: Ipv4Block; path: string }[] = [];
    for (const tier of ["publicSubnets", "privateSubnets"] as const) {
      const subnets = writtenVpc[tier];
      if (!subnets) continue;
      if (subnets.length !== env.azs.length) {
        report(
          jsonPath(["vpc", tier]),
          `${subnets.length} subnet(s) for ${env.azs.length} AZs; expected exactly one per AZ, in the order of azs`,
        );
      }
      subnets.forEach((cidr, i) => {
        const block = parseCidr(cidr);
        const path = jsonPath(["vpc", tier, i]);
        if (!block) return;
        if (!isNetworkAddress(block)) {
          report(
            path,
            `${quote(cidr)} has host bits set; expected the network address, e.g. ${quote(networkAddress(block))}`,
          );
          return;
        }
        if (block.prefixLength < SUBNET_PREFIX.min || block.prefixLength > SUBNET_PREFIX.max) {
          report(
            path,
            `${quote(cidr)} is a /${block.prefixLength}; expected a subnet block from /${SUBNET_PREFIX.min} to /${SUBNET_PREFIX.max}`,
          );
          return;
        }
        if (vpc && !contains(vpc, block)) {
          report(
            path,
            `${quote(cidr)} is outside the VPC ${quote(env.vpc.cidr)}; expected a block inside it`,
          );
        }
        const clash = placed.find((p) => overlaps(p.block, block));
        if (clash) {
          report(
            path,
            `${quote(cidr)} overlaps the subnet at ${clash.path}; expected non-overlapping subnets`,
          );
        }
        placed.push({ block, path });
      });
    }
    return problems;
  });

const AZ_LETTERS = "abcdefghijklmnopqrstuvwxyz";

/**
 * AZ names belong to the environment's region ("us-east-1a" for "us-east-1"). Each AZ of
 * another region gets its own suggestion: the same letter in this region, or the first letter
 * no other entry has.
 */
export const checkAzRegion: Check = ({ environments }) =>
  environments.flatMap((env) => {
    const inRegion = (az: string) =>
      az.length === env.region.length + 1 && az.startsWith(env.region);
    const taken = new Set(env.azs.filter(inRegion));
    const suggest = (az: string) => {
      const same = `${env.region}${az.slice(-1)}`;
      const letter = [...AZ_LETTERS].find((l) => !taken.has(`${env.region}${l}`));
      const suggestion = taken.has(same) ? `${env.region}${letter}` : same;
      taken.add(suggestion);
      return suggestion;
    };
    return env.azs.flatMap((az, i): ConfigProblem[] =>
      inRegion(az)
        ? []
        : [
            {
              file: env.file,
              path: jsonPath(["azs", i]),
              message: `${quote(az)} is not in region ${quote(env.region)}; expected an AZ of ${quote(env.region)}, e.g. ${quote(suggest(az))}`,
            },
          ],
    );
  });
