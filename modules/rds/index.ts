export {
  CA_CERT_IDENTIFIER,
  EXPORTED_LOGS,
  RdsModule,
  SECRET_PASSWORD_KEY,
  type RdsModuleProps,
} from "./rds-module";
export { parameterGroupFamily, rdsNames } from "../../lib/names/rds";
export { postgresParameters, type DbParameter } from "./parameters";
