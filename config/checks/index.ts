import type { ConfigProblem } from "../problems";
import { checkBackupColdStorage, checkBackupCopy } from "./backup";
import type { Check, CheckedProject } from "./check";
import { checkCertificate } from "./certificate";
import { checkCapacityWeights } from "./compute";
import { checkPrivateEgress } from "./egress";
import { checkEnvironmentVariables } from "./environment-variables";
import { checkAwsNames } from "./naming";
import { checkNetworkAclSize } from "./network-acl-size";
import { checkAzRegion, checkSubnets, checkVpcCidr } from "./network";
import { checkPathPrefixes } from "./paths";
import {
  checkListenerPorts,
  checkRoutingFields,
  checkRulePriorities,
  checkSharedListenerPort,
} from "./routing";
import { checkScalingBounds } from "./scaling";
import { checkPlainSecrets } from "./secrets";
import {
  checkCalls,
  checkFargateSizes,
  checkHealthCheckTiming,
  checkOverrideNames,
} from "./services";
import { checkStateBucketName, checkStateKeys, checkStateLock } from "./state";
import { checkSubnetCapacity } from "./subnet-capacity";
import { checkTags } from "./tags";
import {
  checkDatabaseNames,
  checkDatabaseStorage,
  checkDatastoreVariables,
  checkDynamodbKeys,
  checkSharedStateStores,
  checkSharedStoragePath,
} from "./storage";

export { writtenConfig, type Check, type CheckedProject, type WrittenConfig } from "./check";

/**
 * Every semantic check, in the order their problems are listed. They run on every file that
 * passed its schema; where two report the same field, the first one's problem is kept.
 */
export const CHECKS: readonly Check[] = [
  checkVpcCidr,
  checkSubnets,
  checkSubnetCapacity,
  checkAzRegion,
  checkPrivateEgress,
  checkFargateSizes,
  checkHealthCheckTiming,
  checkScalingBounds,
  checkCapacityWeights,
  checkCalls,
  checkOverrideNames,
  checkAwsNames,
  checkRoutingFields,
  checkListenerPorts,
  checkSharedListenerPort,
  checkRulePriorities,
  checkPathPrefixes,
  checkNetworkAclSize,
  checkCertificate,
  checkEnvironmentVariables,
  checkDatastoreVariables,
  checkPlainSecrets,
  checkStateLock,
  checkStateBucketName,
  checkStateKeys,
  checkTags,
  checkDatabaseStorage,
  checkDatabaseNames,
  checkDynamodbKeys,
  checkSharedStateStores,
  checkSharedStoragePath,
  checkBackupCopy,
  checkBackupColdStorage,
];

export function runChecks(project: CheckedProject): ConfigProblem[] {
  const seen = new Set<string>();
  return CHECKS.flatMap((check) => check(project)).filter((problem) => {
    const key = `${problem.file}\0${problem.path}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
