import type { ServiceConfig } from "../../config/model";
import { calleeUrlVariables, pathPrefixVariables } from "../../lib/service-variables";
import { tableEnvironment, type LocalDynamodb } from "./dynamodb";
import { localAwsEnvironment } from "./local-aws";
import { databaseEnvironment, type DatabaseLogin, type Postgres } from "./postgres";
import { staticObjectsEnvironment, type LocalStaticObjects } from "./static-objects";

/** Where a service's port, callees and local data stores are. */
export interface LocalWiring {
  /** The port to listen on; 0 for one the service picks. */
  readonly port: number;
  /** Each called service's base URL, e.g. http://127.0.0.1:8000. */
  readonly calleeBaseUrl: (callee: string) => string;
  /** Every service of the project, to find each callee's path prefix. */
  readonly services: readonly ServiceConfig[];
  readonly database?: {
    readonly server: Pick<Postgres, "host" | "port">;
    readonly login: DatabaseLogin;
  };
  readonly dynamodb?: Pick<LocalDynamodb, "endpoint">;
  readonly staticObjects?: Pick<LocalStaticObjects, "endpoint" | "bucket">;
}

/**
 * The environment ECS gives the service's container (PORT, PATH_PREFIX, the manifest's variables,
 * <CALLEE>_URL, its data stores' variables) with loopback addresses and local data stores.
 */
export function serviceEnvironment(
  service: ServiceConfig,
  wiring: LocalWiring,
): Record<string, string> {
  const callees = service.calls.map((callee) => {
    const called = wiring.services.find((s) => s.name === callee);
    if (!called) throw new Error(`${service.name} calls ${callee}, which is not a service`);
    return called;
  });
  const usesAws = service.datastores.dynamodb || service.staticObjects;
  return {
    ...service.environment,
    ...pathPrefixVariables(service),
    ...calleeUrlVariables(callees, wiring.calleeBaseUrl),
    PORT: String(wiring.port),
    ...(wiring.database && databaseEnvironment(wiring.database.server, wiring.database.login)),
    ...(usesAws && localAwsEnvironment()),
    ...(service.datastores.dynamodb &&
      wiring.dynamodb &&
      tableEnvironment(wiring.dynamodb, service.name)),
    ...(service.staticObjects &&
      wiring.staticObjects &&
      staticObjectsEnvironment(wiring.staticObjects)),
  };
}
