import { cidrSubnet, formatCidr, parseCidr } from "./cidr";

/** The subnet CIDRs of one VPC: index i of each list is in availability zone i. */
export interface SubnetLayout {
  readonly publicSubnets: string[];
  readonly privateSubnets: string[];
}

/**
 * Splits a VPC CIDR into equal blocks four bits smaller (a /16 gives sixteen /20s): public subnets
 * take the first blocks of the lower half and private subnets the first blocks of the upper half,
 * so adding an AZ later never moves an existing subnet. Up to eight AZs.
 */
export const SUBNET_NEW_BITS = 4;
export const MAX_DERIVED_AZS = 2 ** (SUBNET_NEW_BITS - 1);

export function deriveSubnetLayout(vpcCidr: string, azCount: number): SubnetLayout {
  const vpc = parseCidr(vpcCidr);
  if (!vpc) throw new Error(`"${vpcCidr}" is not an IPv4 CIDR block`);
  if (azCount < 1 || azCount > MAX_DERIVED_AZS) {
    throw new RangeError(`can derive subnets for 1 to ${MAX_DERIVED_AZS} AZs, not ${azCount}`);
  }
  const half = MAX_DERIVED_AZS;
  const indexes = Array.from({ length: azCount }, (_, i) => i);
  return {
    publicSubnets: indexes.map((i) => formatCidr(cidrSubnet(vpc, SUBNET_NEW_BITS, i))),
    privateSubnets: indexes.map((i) => formatCidr(cidrSubnet(vpc, SUBNET_NEW_BITS, half + i))),
  };
}
