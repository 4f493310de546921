import { RejectedValues } from "../rejected-values";
import {
  environmentSources,
  isAboutEnvironment,
  overrideRejections,
  serviceSources,
} from "../resolved-sources";
import type {
  CheckedEnvironment,
  CheckedFiles,
  CheckedProject,
  CheckedService,
  WrittenConfig,
} from "./check";

/**
 * Thrown when a check reads a value the schema rejected (or one derived from it); `owner`, the
 * environment or service read, is then left out of that check.
 */
export class RejectedRead extends Error {
  constructor(readonly owner: CheckedEnvironment | CheckedService) {
    super("a check read a value the schema rejected");
    this.name = "RejectedRead";
  }
}

type Owner = RejectedRead["owner"];

/** Configuration holds plain objects, arrays and primitives only (from any realm: no prototype test). */
function isObject(value: unknown): value is object {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * The object, and every plain object inside it, behind a proxy that throws RejectedRead when a
 * rejected value is read, tested for, or listed among its object's keys.
 */
function guard<T extends object>(
  target: T,
  rejected: RejectedValues,
  owner: Owner,
  path: readonly string[] = [],
): T {
  const inner = new Map<string, object>();
  return new Proxy(target, {
    get(object, key, receiver) {
      const value: unknown = Reflect.get(object, key, receiver);
      if (typeof key === "symbol") return value;
      const at = [...path, key];
      if (rejected.covers(at)) throw new RejectedRead(owner);
      if (!isObject(value)) return value;
      let guarded = inner.get(key);
      if (!guarded) {
        guarded = guard(value, rejected, owner, at);
        inner.set(key, guarded);
      }
      return guarded;
    },
    has(object, key) {
      if (typeof key === "string" && rejected.covers([...path, key])) throw new RejectedRead(owner);
      return Reflect.has(object, key);
    },
    ownKeys(object) {
      if (rejected.within(path)) throw new RejectedRead(owner);
      return Reflect.ownKeys(object);
    },
  });
}

/** Where a guarded environment or service came from, and whom a rejected read leaves out. */
interface Origin {
  readonly environment?: CheckedEnvironment;
  readonly service?: CheckedService;
  readonly owner: Owner;
}

/**
 * The project as a check sees it: every environment and service not in `left` (left out after
 * a rejected read), each guarded. A service as an environment runs it answers for that
 * environment: reading a rejected value there leaves the whole environment out, so a check
 * that sums or compares over an environment's services never works from part of them.
 */
export function guardedProject(files: CheckedFiles, left: ReadonlySet<Owner>): CheckedProject {
  const origins = new Map<object, Origin>();
  const manifests = new Map(files.services.map((service) => [service.resolved.file, service]));

  const environments = files.environments
    .filter((environment) => !left.has(environment))
    .map((environment) => {
      const services = environment.resolved.services.map((service) => {
        const manifest = manifests.get(service.file)!;
        const rejected = [
          ...manifest.rejected,
          ...overrideRejections(environment.rejected, service.name),
        ];
        const guarded = guard(service, new RejectedValues(rejected, serviceSources), environment);
        origins.set(guarded, { service: manifest, owner: environment });
        return guarded;
      });
      const own = environment.rejected.filter(isAboutEnvironment);
      const guarded = guard(
        { ...environment.resolved, services },
        new RejectedValues(own, environmentSources),
        environment,
      );
      origins.set(guarded, { environment, owner: environment });
      return guarded;
    });

  const services = files.services
    .filter((service) => !left.has(service))
    .map((service) => {
      const rejected = new RejectedValues(service.rejected, serviceSources);
      const guarded = guard(service.resolved, rejected, service);
      origins.set(guarded, { service, owner: service });
      return guarded;
    });

  const originOf = (object: object): Origin => {
    const origin = origins.get(object);
    if (!origin) throw new Error("written config asked for an object the check was not given");
    return origin;
  };
  const written: WrittenConfig = {
    environment(env) {
      const { environment, owner } = originOf(env);
      if (!environment) throw new Error(`${env.file} is not an environment`);
      return guard(environment.written, new RejectedValues(environment.rejected), owner);
    },
    service(service) {
      const { service: manifest, owner } = originOf(service);
      if (!manifest) throw new Error(`${service.file} is not a service`);
      return guard(manifest.written, new RejectedValues(manifest.rejected), owner);
    },
  };

  return {
    environments,
    services,
    written,
    serviceNames: files.services.map((service) => service.resolved.name),
    unresolvedServices: files.unresolvedServices,
    edits: files.edits,
  };
}
