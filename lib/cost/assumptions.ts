/**
 * The usage an estimate assumes where the synthesized stacks cannot say (traffic, stored data,
 * log volume): the single place these figures live, each with what it means. Figures are per
 * environment and per month unless the note says otherwise; `npm run cost -- --assume key=value`
 * overrides one, `--assumptions file.json` several.
 */
export const ASSUMPTIONS = {
  hoursPerMonth: { value: 730, note: "hours in a billing month (AWS's monthly figure)" },
  fargateSpotDiscount: {
    value: 0.7,
    note: "Fargate Spot's discount on the on-demand rate (AWS: up to 70 %)",
  },
  requestsPerSecond: { value: 10, note: "requests per second reaching each load balancer" },
  newConnectionsPerSecond: { value: 5, note: "new connections per second at each load balancer" },
  activeConnections: { value: 100, note: "concurrent connections at each load balancer" },
  loadBalancerGb: { value: 50, note: "GB each load balancer processes" },
  egressGb: {
    value: 20,
    note: "GB the tasks send out through NAT gateways (or interface endpoints without NAT)",
  },
  internetOutGb: { value: 50, note: "GB of responses to the internet, per load balancer" },
  serviceLogGb: { value: 2, note: "GB each service writes to its log group" },
  otherLogGb: { value: 1, note: "GB every other log group receives (flow logs, WAF, databases)" },
  containerInsightsMetricsPerCluster: {
    value: 8,
    note: "custom metrics Container Insights publishes per cluster",
  },
  containerInsightsMetricsPerService: {
    value: 12,
    note: "custom metrics Container Insights publishes per service",
  },
  tableWriteMillions: { value: 1, note: "million write request units per DynamoDB table" },
  tableReadMillions: { value: 5, note: "million read request units per DynamoDB table" },
  tableGb: { value: 1, note: "GB stored in each DynamoDB table" },
  bucketGb: { value: 5, note: "GB stored in each S3 bucket" },
  repositoryGb: { value: 2, note: "GB of images kept in each ECR repository" },
  backupShareOfData: {
    value: 1,
    note: "recovery points kept, as a share of the data backed up (full copy plus increments)",
  },
} as const;

export type AssumptionName = keyof typeof ASSUMPTIONS;
export type UsageAssumptions = { readonly [K in AssumptionName]: number };

export const DEFAULT_ASSUMPTIONS: UsageAssumptions = Object.fromEntries(
  Object.entries(ASSUMPTIONS).map(([key, { value }]) => [key, value]),
) as UsageAssumptions;

/** The defaults with overrides; unknown keys and values that are not numbers ≥ 0 are refused. */
export function withOverrides(
  overrides: Readonly<Record<string, unknown>>,
  base: UsageAssumptions = DEFAULT_ASSUMPTIONS,
): UsageAssumptions {
  const result: Record<string, number> = { ...base };
  for (const [key, value] of Object.entries(overrides)) {
    if (!(key in base)) {
      throw new Error(
        `unknown assumption "${key}"; expected one of ${Object.keys(base).join(", ")}`,
      );
    }
    const number = typeof value === "string" && value.trim() !== "" ? Number(value) : value;
    if (typeof number !== "number" || !Number.isFinite(number) || number < 0) {
      throw new Error(`assumption "${key}": ${JSON.stringify(value)} is not a number ≥ 0`);
    }
    result[key] = number;
  }
  return result as UsageAssumptions;
}
