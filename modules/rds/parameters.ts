/** One setting of a DB parameter group. */
export interface DbParameter {
  readonly name: string;
  readonly value: string;
  /** "pending-reboot" is accepted for static and dynamic parameters alike. */
  readonly applyMethod: "immediate" | "pending-reboot";
}

/**
 * The server settings every database gets: clients must use TLS 1.2 or later (rds.force_ssl turns
 * a plain connection away), schema changes and statements slower than a second are logged.
 */
export function postgresParameters(): DbParameter[] {
  return [
    { name: "rds.force_ssl", value: "1", applyMethod: "pending-reboot" },
    { name: "ssl_min_protocol_version", value: "TLSv1.2", applyMethod: "pending-reboot" },
    { name: "log_statement", value: "ddl", applyMethod: "immediate" },
    { name: "log_min_duration_statement", value: "1000", applyMethod: "immediate" },
  ];
}
