import { contains, overlaps, parseCidr } from "../../lib/cidr";
import { deriveSubnetLayout, MAX_DERIVED_AZS } from "../../lib/subnet-layout";

describe("deriveSubnetLayout", () => {
  it("gives the original design's 10.0.0.0/16 two public and two private /20s", () => {
    expect(deriveSubnetLayout("10.0.0.0/16", 2)).toEqual({
      publicSubnets: ["10.0.0.0/20", "10.0.16.0/20"],
      privateSubnets: ["10.0.128.0/20", "10.0.144.0/20"],
    });
  });

  it("keeps existing subnets in place when an AZ is added", () => {
    const two = deriveSubnetLayout("10.20.0.0/16", 2);
    const three = deriveSubnetLayout("10.20.0.0/16", 3);
    expect(three.publicSubnets.slice(0, 2)).toEqual(two.publicSubnets);
    expect(three.privateSubnets.slice(0, 2)).toEqual(two.privateSubnets);
  });

  it.each([2, 3, 4, 8])("derives %i AZs' subnets inside the VPC, none overlapping", (azs) => {
    const vpc = parseCidr("172.16.0.0/20")!;
    const { publicSubnets, privateSubnets } = deriveSubnetLayout("172.16.0.0/20", azs);
    const all = [...publicSubnets, ...privateSubnets].map((c) => parseCidr(c)!);
    expect(all).toHaveLength(2 * azs);
    for (const [i, a] of all.entries()) {
      expect(contains(vpc, a)).toBe(true);
      for (const b of all.slice(i + 1)) expect(overlaps(a, b)).toBe(false);
    }
  });

  it("refuses more AZs than the layout has room for", () => {
    expect(() => deriveSubnetLayout("10.0.0.0/16", MAX_DERIVED_AZS + 1)).toThrow(RangeError);
    expect(() => deriveSubnetLayout("10.0.0.0/16", 0)).toThrow(RangeError);
  });
});
