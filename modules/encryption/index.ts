export { EncryptionModule, type EncryptionModuleProps } from "./encryption-module";
export { logsKeyStatements } from "./logs-key-policy";
