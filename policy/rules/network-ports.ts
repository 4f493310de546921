/** Sources that mean "the whole internet". */
export const INTERNET_CIDRS = ["0.0.0.0/0", "::/0"];

/** IP protocols as Terraform accepts them: a name or a number; "-1"/"all" for every protocol. */
export function protocolName(protocol: unknown): string {
  const value = String(protocol ?? "").toLowerCase();
  return { "6": "tcp", "17": "udp", "1": "icmp", "58": "icmpv6", all: "-1" }[value] ?? value;
}

/** "all traffic", "tcp 443" or "tcp 1024-65535". */
export function describeTraffic(protocol: string, fromPort: unknown, toPort: unknown): string {
  if (protocol === "-1") return "all traffic";
  const from = Number(fromPort);
  const to = Number(toPort ?? fromPort);
  if (!Number.isFinite(from)) return protocol;
  return from === to ? `${protocol} ${from}` : `${protocol} ${from}-${to}`;
}
