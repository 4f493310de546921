export {
  ConfigurationError,
  EnvironmentReader,
  LOG_LEVELS,
  readServerSettings,
  type LogLevel,
  type ServerSettings,
} from "./environment";
export { stopGracefullyOnSignals, type ShutdownOptions } from "./graceful-shutdown";
export { registerHealthRoutes, type Readiness } from "./health-routes";
export { errorBody, HttpError, invalidField } from "./http-errors";
export { createHttpServer, type HttpServerOptions } from "./http-server";
export { isUuid } from "./ids";
export { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, parseLimit } from "./page-size";
export { configurationOrExit, exitOnStartFailure, listen } from "./startup";
export { isCredentialRejected, isDatabaseUnavailable } from "./database-errors";
export { migrate, type Migration, type MigrationPool } from "./migrations";
export { retryTransient, type RetryOptions } from "./retry";
export { isTableUnavailable } from "./table-errors";
