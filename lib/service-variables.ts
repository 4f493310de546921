/** A service as the variables of its own container and of its callers' containers see it. */
export interface RoutedService {
  readonly name: string;
  /** Where the load balancer's path rule sends requests; absent: the service serves at the root. */
  readonly routing?: { readonly pathPrefix?: string };
}

/** PATH_PREFIX: where the service serves its API, the manifest's routing.pathPrefix. */
export function pathPrefixVariables(service: RoutedService): Record<string, string> {
  const prefix = service.routing?.pathPrefix;
  return prefix === undefined ? {} : { PATH_PREFIX: prefix };
}

/** The variable that holds a called service's API: ORDERS_URL for "orders", ORDER_ITEMS_URL for "order-items". */
export function calleeUrlVariable(callee: string): string {
  return `${callee.toUpperCase().replace(/-/g, "_")}_URL`;
}

/**
 * `<CALLEE>_URL` for each called service: where its API is, its base URL (`baseUrlOf`, e.g.
 * Service Connect's http://users:8000) followed by its path prefix.
 */
export function calleeUrlVariables(
  callees: readonly RoutedService[],
  baseUrlOf: (service: string) => string,
): Record<string, string> {
  return Object.fromEntries(
    callees.map((callee) => [
      calleeUrlVariable(callee.name),
      `${baseUrlOf(callee.name)}${callee.routing?.pathPrefix ?? ""}`,
    ]),
  );
}
