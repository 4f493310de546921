/** Node network error codes that mean the database host cannot be reached. */
const NETWORK_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EPIPE",
]);

/**
 * PostgreSQL SQLSTATE codes for a server that is down, starting, stopping or full, or too busy to
 * finish a statement within statement_timeout (57014).
 */
const SERVER_CODES = new Set(["57P01", "57P02", "57P03", "53300", "57014"]);

/** pg's own messages for a connection it lost or could not open in time (they carry no code). */
const CONNECTION_MESSAGES = [
  /connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /connection timeout/i,
  /Client has encountered a connection error/i,
];

/** Whether an error means PostgreSQL is unreachable (retry later) rather than a bad query. */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === "string" && (NETWORK_CODES.has(code) || SERVER_CODES.has(code))) return true;
  if (typeof code === "string" && code.startsWith("08")) return true;
  return CONNECTION_MESSAGES.some((pattern) => pattern.test(error.message));
}

/**
 * Whether PostgreSQL refused the service's credentials (SQLSTATE class 28): with RDS's managed
 * master password, after Secrets Manager rotated it. ECS hands a task its secrets only when the task
 * starts, so the remedy is a new task.
 */
export function isCredentialRejected(error: unknown): boolean {
  const code = error instanceof Error ? (error as { code?: unknown }).code : undefined;
  return code === "28P01" || code === "28000";
}
