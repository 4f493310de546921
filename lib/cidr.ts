/** IPv4 CIDR arithmetic: plain functions, no AWS, no constructs. */

export interface Ipv4Block {
  /** The network address as an unsigned 32-bit integer. */
  readonly network: number;
  readonly prefixLength: number;
}

const CIDR = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/;

/** Parses "10.0.0.0/16"; returns undefined for anything that is not a valid IPv4 CIDR block. */
export function parseCidr(cidr: string): Ipv4Block | undefined {
  const match = CIDR.exec(cidr);
  if (!match) return undefined;
  const octets = match.slice(1, 5).map(Number);
  const prefixLength = Number(match[5]);
  if (octets.some((o) => o > 255) || prefixLength > 32) return undefined;
  const address = octets.reduce((acc, o) => acc * 256 + o, 0);
  return { network: address, prefixLength };
}

/** True when the address has no bits set beyond the prefix ("10.0.0.0/16", not "10.0.1.0/16"). */
export function isNetworkAddress(block: Ipv4Block): boolean {
  return block.network % blockSize(block.prefixLength) === 0;
}

export function blockSize(prefixLength: number): number {
  return 2 ** (32 - prefixLength);
}

export function formatCidr(block: Ipv4Block): string {
  const octets = [24, 16, 8, 0].map((shift) => Math.floor(block.network / 2 ** shift) % 256);
  return `${octets.join(".")}/${block.prefixLength}`;
}

/** Terraform's cidrsubnet(): the netnum-th block of prefix (prefixLength + newBits) inside the parent. */
export function cidrSubnet(parent: Ipv4Block, newBits: number, netNum: number): Ipv4Block {
  const prefixLength = parent.prefixLength + newBits;
  if (prefixLength > 32)
    throw new RangeError(`/${parent.prefixLength} has no room for ${newBits} more bits`);
  if (netNum < 0 || netNum >= 2 ** newBits) {
    throw new RangeError(`subnet number ${netNum} does not fit in ${newBits} bits`);
  }
  const base = parent.network - (parent.network % blockSize(parent.prefixLength));
  return { network: base + netNum * blockSize(prefixLength), prefixLength };
}

export function contains(outer: Ipv4Block, inner: Ipv4Block): boolean {
  return (
    inner.prefixLength >= outer.prefixLength &&
    inner.network >= outer.network &&
    inner.network + blockSize(inner.prefixLength) <= outer.network + blockSize(outer.prefixLength)
  );
}

export function overlaps(a: Ipv4Block, b: Ipv4Block): boolean {
  return (
    a.network < b.network + blockSize(b.prefixLength) &&
    b.network < a.network + blockSize(a.prefixLength)
  );
}

/** Addresses a task can use in an AWS subnet: AWS reserves five in each. */
export function usableAddresses(block: Ipv4Block): number {
  return Math.max(0, blockSize(block.prefixLength) - 5);
}

/** The longest prefix (smallest block) whose usable addresses number at least `count`. */
export function prefixLengthFor(count: number): number {
  let prefixLength = 32;
  while (prefixLength > 0 && usableAddresses({ network: 0, prefixLength }) < count) prefixLength--;
  return prefixLength;
}
