/** "<project>-<environment>", e.g. "shop-prod": the prefix of every name in an environment. */
export const namePrefix = (project: string, environment: string): string =>
  `${project}-${environment}`;

/** "<prefix>-<service>", e.g. "shop-prod-users": the base of a service's own names. */
export const serviceNameBase = (prefix: string, service: string): string => `${prefix}-${service}`;
