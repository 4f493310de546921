import type { ConfigProblem } from "../problems";
import type { Check, ProjectConfig } from "./check";
import { checkAzRegion, checkSubnets, checkVpcCidr } from "./network";
import { checkListenerPorts, checkRoutingFields, checkRulePriorities } from "./routing";
import { checkCalls, checkFargateSizes, checkOverrideNames } from "./services";
import { checkStateLock } from "./state";
import {
  checkDatabaseNames,
  checkDatabaseStorage,
  checkDatastoreVariables,
  checkDynamodbKeys,
  checkSharedStateStores,
} from "./storage";

export type { Check, ProjectConfig } from "./check";

/** Every semantic check, run after the schemas pass. */
export const CHECKS: readonly Check[] = [
  checkVpcCidr,
  checkSubnets,
  checkAzRegion,
  checkFargateSizes,
  checkCalls,
  checkOverrideNames,
  checkRoutingFields,
  checkListenerPorts,
  checkRulePriorities,
  checkStateLock,
  checkDatabaseStorage,
  checkDatabaseNames,
  checkDynamodbKeys,
  checkDatastoreVariables,
  checkSharedStateStores,
];

export function runChecks(project: ProjectConfig): ConfigProblem[] {
  return CHECKS.flatMap((check) => check(project));
}
