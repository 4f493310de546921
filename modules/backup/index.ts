export { backupNames } from "../../lib/names/backup";
export {
  BACKED_UP_RESOURCES,
  BackupModule,
  type BackupCopy,
  type BackupModuleProps,
} from "./backup-module";
export { BACKUP_SERVICE_POLICIES, BackupRole, type BackupRoleProps } from "./backup-role";
export { EncryptedVault, type EncryptedVaultProps } from "./backup-vault";
