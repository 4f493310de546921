import type { ServiceConfig } from "../model";
import { quote, type ConfigProblem } from "../problems";
import type { Check } from "./check";
import { bySide, whereHeld, writtenAt } from "./clash";
import { freeNote } from "./free-value";
import { priorityOf } from "./routing";

/** True when every path under `inner` is also under `outer` ("/api/users" within "/api"). */
function within(inner: string, outer: string): boolean {
  return inner.startsWith(`${outer}/`);
}

/** The first of /<name>, /<name>-2, /<name>-3… that no service routes. */
function freePrefix(name: string, taken: readonly (string | undefined)[]): string {
  for (let i = 1; ; i++) {
    const prefix = i === 1 ? `/${name}` : `/${name}-${i}`;
    if (!taken.includes(prefix)) return prefix;
  }
}

/**
 * Path prefixes on the shared listener reach their service: no two are the same, and a prefix
 * inside another ("/api/users" inside "/api") has the lower rule priority number, or the outer
 * rule, evaluated first, takes all of its requests. Reported at the file edited into the clash.
 */
export const checkPathPrefixes: Check = ({ services, written, edits }) => {
  const problems: ConfigProblem[] = [];
  const routed = services.filter((s) => s.routing.pathPrefix !== undefined);
  const taken = routed.map((s) => s.routing.pathPrefix);
  const prefixOf = (service: ServiceConfig) =>
    writtenAt(service.file, ["routing", "pathPrefix"], service.routing.pathPrefix, { service });
  /** The whole routing block: a shadow comes from either service's prefix or priority. */
  const routingOf = (service: ServiceConfig) => ({
    ...priorityOf(service, written),
    path: ["routing"],
    value: written.service(service).routing,
  });
  routed.forEach((service, i) => {
    const prefix = service.routing.pathPrefix!;
    const same = routed.slice(0, i).find((other) => other.routing.pathPrefix === prefix);
    if (same) {
      const [reported, other] = bySide(edits, prefixOf(same), prefixOf(service));
      problems.push({
        file: reported.file,
        path: "$.routing.pathPrefix",
        message: `${quote(prefix)} is already the path prefix of ${whereHeld(other)}; expected a prefix no other service uses${freeNote(quote(freePrefix(reported.service.name, taken)))}`,
      });
      return;
    }
    const shadow = routed.find(
      (other) =>
        within(prefix, other.routing.pathPrefix!) &&
        other.routing.priority < service.routing.priority,
    );
    if (!shadow) return;
    const [reported, other] = bySide(edits, routingOf(shadow), routingOf(service));
    const inner = service.routing;
    const outer = shadow.routing;
    problems.push({
      file: reported.file,
      path: "$.routing.priority",
      message:
        reported.service === service
          ? `${inner.priority} comes after ${outer.priority}, the rule of ${whereHeld(other)} whose prefix ${quote(outer.pathPrefix)} also matches ${quote(prefix)}, so ${quote(service.name)} would get no request; expected a priority below ${outer.priority}`
          : `${outer.priority} comes before ${inner.priority}, the rule of ${whereHeld(other)} whose prefix ${quote(prefix)} lies inside ${quote(outer.pathPrefix)}, so ${quote(service.name)} would get no request; expected a priority above ${inner.priority}`,
    });
  });
  return problems;
};
