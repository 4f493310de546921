import type { ConfigProblem } from "../problems";
import { checkBackupColdStorage, checkBackupCopy } from "./backup";
import type { Check, CheckedFiles } from "./check";
import { checkCertificate } from "./certificate";
import { checkCapacityWeights } from "./compute";
import { checkPrivateEgress } from "./egress";
import { checkEnvironmentVariables } from "./environment-variables";
import { checkAwsNames } from "./naming";
import { checkNetworkAclSize } from "./network-acl-size";
import { checkAzRegion, checkSubnets, checkVpcCidr } from "./network";
import { checkPathPrefixes } from "./paths";
import { runChecks } from "./run-checks";
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
  checkFargateMemory,
  checkFargateSizes,
  checkHealthCheckTiming,
  checkOverrideNames,
} from "./services";
import {
  checkSharedStateStores,
  checkStateBucketName,
  checkStateKeys,
  checkStateLock,
} from "./state";
import { checkSubnetCapacity } from "./subnet-capacity";
import { checkTags } from "./tags";
import {
  checkDatabaseNames,
  checkDatabaseStorage,
  checkDatastoreVariables,
  checkDynamodbKeys,
  checkSharedStoragePath,
} from "./storage";

export type {
  Check,
  CheckedEnvironment,
  CheckedFiles,
  CheckedProject,
  CheckedService,
  WrittenConfig,
} from "./check";

/**
 * Every semantic check, in the order their problems are listed. Each runs on every environment
 * and service whose values it reads passed their schema; where two report the same field, the
 * first one's problem is kept.
 */
export const CHECKS: readonly Check[] = [
  checkVpcCidr,
  checkSubnets,
  checkSubnetCapacity,
  checkAzRegion,
  checkPrivateEgress,
  checkFargateSizes,
  checkFargateMemory,
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

/** The problems every semantic check finds in these files. */
export function checkProject(files: CheckedFiles): ConfigProblem[] {
  return runChecks(CHECKS, files);
}
