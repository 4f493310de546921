import {
  cidrSubnet,
  contains,
  formatCidr,
  isNetworkAddress,
  overlaps,
  parseCidr,
  prefixLengthFor,
  usableAddresses,
} from "../../lib/cidr";

const block = (cidr: string) => {
  const parsed = parseCidr(cidr);
  if (!parsed) throw new Error(`bad test CIDR ${cidr}`);
  return parsed;
};

describe("CIDR arithmetic", () => {
  it.each(["10.0.0.0/16", "0.0.0.0/0", "255.255.255.255/32", "172.16.4.0/22"])(
    "parses and formats %s",
    (cidr) => {
      expect(formatCidr(block(cidr))).toBe(cidr);
    },
  );

  it.each(["10.0.0.0", "10.0.0.256/16", "10.0.0.0/33", "10.0.0/16", "a.b.c.d/8", " 10.0.0.0/16"])(
    "rejects %j",
    (text) => expect(parseCidr(text)).toBeUndefined(),
  );

  it("knows a network address from an address with host bits", () => {
    expect(isNetworkAddress(block("10.0.0.0/16"))).toBe(true);
    expect(isNetworkAddress(block("10.0.1.0/16"))).toBe(false);
  });

  it("splits like Terraform's cidrsubnet()", () => {
    expect(formatCidr(cidrSubnet(block("10.0.0.0/16"), 8, 2))).toBe("10.0.2.0/24");
    expect(formatCidr(cidrSubnet(block("10.0.0.0/16"), 4, 15))).toBe("10.0.240.0/20");
    expect(formatCidr(cidrSubnet(block("192.168.0.0/24"), 4, 1))).toBe("192.168.0.16/28");
    expect(() => cidrSubnet(block("10.0.0.0/16"), 4, 16)).toThrow(RangeError);
    expect(() => cidrSubnet(block("10.0.0.0/30"), 4, 0)).toThrow(RangeError);
  });

  it("tells containment and overlap", () => {
    expect(contains(block("10.0.0.0/16"), block("10.0.255.0/24"))).toBe(true);
    expect(contains(block("10.0.0.0/16"), block("10.1.0.0/24"))).toBe(false);
    expect(contains(block("10.0.0.0/24"), block("10.0.0.0/16"))).toBe(false);
    expect(overlaps(block("10.0.0.0/20"), block("10.0.15.0/24"))).toBe(true);
    expect(overlaps(block("10.0.0.0/20"), block("10.0.16.0/24"))).toBe(false);
  });

  it("counts the addresses AWS leaves to tasks (five are reserved per subnet)", () => {
    expect(usableAddresses(block("10.0.0.0/24"))).toBe(251);
    expect(usableAddresses(block("10.0.0.0/28"))).toBe(11);
  });
});

describe("prefixLengthFor", () => {
  it("gives the smallest block with enough usable addresses (AWS keeps five per subnet)", () => {
    expect(prefixLengthFor(11)).toBe(28);
    expect(prefixLengthFor(12)).toBe(27);
    expect(prefixLengthFor(27)).toBe(27);
    expect(prefixLengthFor(28)).toBe(26);
    expect(prefixLengthFor(4091)).toBe(20);
  });
});
