import { AWS_NAME_LIMITS, fitName } from "../../lib/aws-names";
import { stableNumber } from "../../lib/stable-hash";
import { DERIVED_PRIORITY_RANGE } from "../../config/resolve";
import { configProject, manifestText, problemsOf } from "../support/config-project";

/** The first two inputs (from a deterministic sequence) that give the same output. */
function firstCollision(candidate: (i: number) => string, output: (input: string) => string) {
  const seen = new Map<string, string>();
  for (let i = 0; i < 1_000_000; i++) {
    const input = candidate(i);
    const first = seen.get(output(input));
    if (first !== undefined) return [first, input] as const;
    seen.set(output(input), input);
  }
  throw new Error("no collision in a million candidates");
}

/** Two extra services with routing that clashes with nothing, as files for configProject. */
function extraServices(names: readonly string[], routing: (i: number) => Record<string, unknown>) {
  return Object.fromEntries(
    names.map((name, i) => [
      `services/${name}/service.json`,
      manifestText("users", (svc) => {
        svc.name = name;
        svc.routing = routing(i);
      }),
    ]),
  );
}

describe("names that collide after the stack derives them", () => {
  it("reports two services whose shortened target group names come out the same", () => {
    // Long names share the kept head; a 24-bit hash collision is found in a few thousand tries.
    const [first, second] = firstCollision(
      (i) => `abcdefghijklmnopqrstuv-${i.toString(36)}`,
      (service) => fitName(["shop-dev", service], AWS_NAME_LIMITS.targetGroup),
    );
    const [a, b] = [first, second].sort();
    const root = configProject({
      write: extraServices([a, b], (i) => ({
        listenerPort: 9000 + i,
        pathPrefix: `/extra-${i}`,
        priority: 300 + i,
      })),
    });
    const name = fitName(["shop-dev", a], AWS_NAME_LIMITS.targetGroup);
    expect(problemsOf(root)).toEqual([
      `services/${b}/service.json: $.name: "${b}" gets the same target group name "${name}" as services/${a}/service.json ($.name) in environments/dev.json; expected a service name that tells them apart`,
    ]);
  });

  it("reports two services whose priorities, derived from their names, come out the same", () => {
    const [first, second] = firstCollision(
      (i) => `svc-${i.toString(36)}`,
      (service) =>
        String(stableNumber(service, DERIVED_PRIORITY_RANGE.min, DERIVED_PRIORITY_RANGE.max)),
    );
    const [a, b] = [first, second].sort();
    const root = configProject({
      write: extraServices([a, b], (i) => ({ listenerPort: 9000 + i, pathPrefix: `/extra-${i}` })),
    });
    const priority = stableNumber(a, DERIVED_PRIORITY_RANGE.min, DERIVED_PRIORITY_RANGE.max);
    expect(problemsOf(root)).toEqual([
      `services/${b}/service.json: $.routing.priority: ${priority} (derived from the service name) is already the rule priority of services/${a}/service.json (derived from its name); expected an explicit priority from 1 to 50000 that no other service uses (free: ${priority + 1})`,
    ]);
  });
});
