import { quote, type ConfigProblem } from "../problems";
import { BACKUP_DEFAULTS } from "../schema/constants";
import type { Check } from "./check";

/**
 * A copy goes to another region (a copy in the vault's own region survives no regional outage),
 * and copyRetentionDays needs a copy to apply to.
 */
export const checkBackupCopy: Check = ({ environments, written }) =>
  environments.flatMap((env): ConfigProblem[] => {
    const { copy } = env.backup;
    const { copyToRegion, copyRetentionDays } = written.environment(env).backup ?? {};
    if (copy?.region === env.region) {
      return [
        {
          file: env.file,
          path: "$.backup.copyToRegion",
          message: `${quote(copy.region)} is the environment's own region; expected another region, so the copies survive an outage of ${quote(env.region)}`,
        },
      ];
    }
    if (copyToRegion === undefined && copyRetentionDays !== undefined) {
      return [
        {
          file: env.file,
          path: "$.backup.copyRetentionDays",
          message: `${copyRetentionDays} applies to copies, but there is no copyToRegion; expected copyToRegion too, or remove this`,
        },
      ];
    }
    return [];
  });

/**
 * A recovery point stays in cold storage for 90 days at least: AWS Backup refuses a plan whose
 * retention ends sooner than that after the move.
 */
export const checkBackupColdStorage: Check = ({ environments }) =>
  environments.flatMap((env): ConfigProblem[] => {
    const { coldStorageAfterDays: cold, retentionDays } = env.backup;
    if (cold === undefined) return [];
    const minimum = cold + BACKUP_DEFAULTS.minimumColdStorageDays;
    if (retentionDays >= minimum) return [];
    return [
      {
        file: env.file,
        path: "$.backup.coldStorageAfterDays",
        message: `${cold} leaves recovery points ${Math.max(retentionDays - cold, 0)} day(s) in cold storage before retentionDays (${retentionDays}) ends, and AWS keeps them there ${BACKUP_DEFAULTS.minimumColdStorageDays} days at least; expected retentionDays of at least ${minimum}, or no coldStorageAfterDays`,
      },
    ];
  });
