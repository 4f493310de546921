export { EncryptionModule, type EncryptionModuleProps } from "./encryption-module";
export { IAM_DELEGATION_SID, logsKeyStatements, type KeyLocation } from "./logs-key-policy";
