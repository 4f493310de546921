export { encryptionNames } from "../../lib/names/encryption";
export { EncryptionModule, type EncryptionModuleProps } from "./encryption-module";
export { logsKeyStatements } from "./logs-key-policy";
