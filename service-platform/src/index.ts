export {
  ConfigurationError,
  EnvironmentReader,
  LOG_LEVELS,
  readServerSettings,
  type LogLevel,
  type ServerSettings,
} from "./environment";
export { decodeCursor, encodeCursor, invalidCursor, type PageKey } from "./cursor";
export { stopGracefullyOnSignals, type ShutdownOptions } from "./graceful-shutdown";
export { registerHealthRoutes, type Readiness } from "./health-routes";
export { errorBody, HttpError, invalidField } from "./http-errors";
export { createHttpServer, type HttpServerOptions } from "./http-server";
export { isUuid } from "./ids";
export { pageOf } from "./page";
export { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, parseLimit } from "./page-size";
export { configurationOrExit, exitOnStartFailure, listen } from "./startup";
export { stopForNewCredentials } from "./credential-rotation";
export { isCredentialRejected, isDatabaseUnavailable } from "./database-errors";
export {
  poolOptions,
  readDatabaseSettings,
  type DatabaseSettings,
  type DatabaseSsl,
} from "./database-settings";
export {
  migrate,
  migrateOnStart,
  type Migration,
  type MigrationPool,
  type SchemaOnStart,
} from "./migrations";
export { retryTransient, type RetryOptions } from "./retry";
export { isTableUnavailable } from "./table-errors";
export { readTableSettings, tableClientOptions, type TableSettings } from "./table-settings";
