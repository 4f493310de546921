export { sharedStorageNames } from "../../lib/names/shared-storage";
export {
  SharedStorageModule,
  type ServiceAccessPoint,
  type SharedStorageModuleProps,
} from "./shared-storage-module";
export { fileSystemStatements } from "./file-system-policy";
