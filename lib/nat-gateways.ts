/** How private subnets reach the internet: a NAT gateway per AZ, one shared, or none. */
export const NAT_STRATEGIES = ["one-per-az", "single", "none"] as const;
export type NatStrategy = (typeof NAT_STRATEGIES)[number];

/** The AZs that get a NAT gateway (in the public subnet of that AZ). */
export function natGatewayAzs(strategy: NatStrategy, azs: readonly string[]): string[] {
  if (strategy === "one-per-az") return [...azs];
  return strategy === "single" ? azs.slice(0, 1) : [];
}

/** The index, in `natGatewayAzs`, of the NAT gateway the private subnet of AZ `azIndex` routes through. */
export function natGatewayIndexFor(strategy: NatStrategy, azIndex: number): number {
  return strategy === "one-per-az" ? azIndex : 0;
}
