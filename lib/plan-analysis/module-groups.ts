/** Where a resource belongs in a plan summary: the module construct, and its service if any. */
export interface ModuleGroup {
  /** The construct right below the stack that made the resource, e.g. `vpc`, `ecs`. */
  readonly module: string;
  /** The configured service the construct path names, if it names one. */
  readonly service?: string;
  /**
   * How the group is shown: `ecs/<service>`; the module alone when it names no service or is
   * itself named after one (`postgres-<service>`).
   */
  readonly label: string;
}

const WORD_SEPARATORS = /[-_.]/;

/** Where the service's words start among the segment's words, or -1. */
function wordPosition(segmentWords: readonly string[], serviceWords: readonly string[]): number {
  for (let start = 0; start + serviceWords.length <= segmentWords.length; start++) {
    if (serviceWords.every((word, i) => segmentWords[start + i] === word)) return start;
  }
  return -1;
}

/**
 * The service a construct id names, as whole hyphen-separated words: the one named first
 * (`egress-orders-to-users` belongs to orders), the longest at the same place (`users-api` over
 * `users`).
 */
function serviceNamedIn(segment: string, services: readonly string[]): string | undefined {
  const words = segment.split(WORD_SEPARATORS);
  let best: { service: string; position: number } | undefined;
  for (const service of services) {
    const position = wordPosition(words, service.split(WORD_SEPARATORS));
    if (position < 0) continue;
    if (
      best === undefined ||
      position < best.position ||
      (position === best.position && service.length > best.service.length)
    ) {
      best = { service, position };
    }
  }
  return best?.service;
}

/**
 * The group of a resource made by the constructs `segments` below the stack, such as
 * `["ecs", "service-orders"]` (`ecs/orders`): the first one is the module construct; the service
 * is the first one a construct id names, from the module down.
 */
export function moduleGroupOf(
  segments: readonly string[],
  services: readonly string[],
): ModuleGroup {
  const module = segments[0] ?? "";
  for (const segment of segments) {
    const service = serviceNamedIn(segment, services);
    if (service === undefined) continue;
    const label = segment === module ? module : `${module}/${service}`;
    return { module, service, label };
  }
  return { module, label: module };
}
