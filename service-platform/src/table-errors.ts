/** Error names of the AWS SDK meaning the table cannot serve now: missing, throttled, failing or slow. */
const UNAVAILABLE_NAMES = new Set([
  "ResourceNotFoundException",
  "ProvisionedThroughputExceededException",
  "ThrottlingException",
  "RequestLimitExceeded",
  "InternalServerError",
  "ServiceUnavailable",
  "TimeoutError",
  "AbortError",
]);
const NETWORK_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EPIPE",
]);

/** Whether an error from DynamoDB means the table is unreachable (retry later) rather than a bug. */
export function isTableUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
  const code = (error as { code?: unknown }).code;
  return (
    UNAVAILABLE_NAMES.has(error.name) ||
    (status !== undefined && status >= 500) ||
    (typeof code === "string" && NETWORK_CODES.has(code))
  );
}
