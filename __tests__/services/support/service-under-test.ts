import { basename, resolve } from "node:path";
import type { ServiceConfig } from "../../../config/model";
import { projectServices } from "./local-stack";

/**
 * The service whose own tests call this (they live in services/<name>/test): its configuration
 * and its API's path prefix, from its manifest. Renaming the service keeps its tests running.
 */
export function serviceUnderTest(testDir: string): {
  readonly name: string;
  readonly prefix: string;
  readonly service: ServiceConfig;
} {
  const name = basename(resolve(testDir, ".."));
  const service = projectServices().find((s) => s.name === name);
  if (!service) throw new Error(`no manifest for the service of ${testDir}`);
  return { name, prefix: service.routing.pathPrefix ?? "", service };
}
