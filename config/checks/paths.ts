import { quote, type ConfigProblem } from "../problems";
import type { Check } from "./check";

/** True when every path under `inner` is also under `outer` ("/api/users" within "/api"). */
function within(inner: string, outer: string): boolean {
  return inner.startsWith(`${outer}/`);
}

/**
 * Path prefixes on the shared listener reach their service: no two are the same, and a prefix
 * inside another ("/api/users" inside "/api") has the lower rule priority number, or the outer
 * rule, evaluated first, takes all of its requests.
 */
export const checkPathPrefixes: Check = ({ services }) => {
  const problems: ConfigProblem[] = [];
  const routed = services.filter((s) => s.routing.pathPrefix !== undefined);
  routed.forEach((service, i) => {
    const prefix = service.routing.pathPrefix!;
    const same = routed.slice(0, i).find((other) => other.routing.pathPrefix === prefix);
    if (same) {
      problems.push({
        file: service.file,
        path: "$.routing.pathPrefix",
        message: `${quote(prefix)} is already the path prefix of ${quote(same.name)}; expected a prefix no other service uses`,
      });
      return;
    }
    const shadow = routed.find(
      (other) =>
        within(prefix, other.routing.pathPrefix!) &&
        other.routing.priority < service.routing.priority,
    );
    if (shadow) {
      problems.push({
        file: service.file,
        path: "$.routing.priority",
        message: `${service.routing.priority} comes after ${shadow.routing.priority}, the rule of ${quote(shadow.name)} whose prefix ${quote(shadow.routing.pathPrefix)} also matches ${quote(prefix)}, so ${quote(service.name)} would get no request; expected a priority below ${shadow.routing.priority}`,
      });
    }
  });
  return problems;
};
