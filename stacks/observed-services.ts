import type { EnvironmentConfig } from "../config/model";
import type { AlbModule } from "../modules/alb";
import type { DashboardModuleProps } from "../modules/dashboard";
import type { EcsModule } from "../modules/ecs";
import type { ServiceResources } from "./service-resources";

/** What the dashboard watches: each service as ECS runs it, its database and its table. */
export function observedServices(
  env: EnvironmentConfig,
  resources: readonly ServiceResources[],
  { alb, ecs }: { readonly alb: AlbModule; readonly ecs: EcsModule },
): Pick<DashboardModuleProps, "clusterName" | "services" | "databases" | "tables"> {
  return {
    clusterName: ecs.clusterName,
    services: resources.map(({ service }) => ({
      name: service.name,
      ecsServiceName: ecs.service(service.name).serviceName,
      targetGroupArnSuffix: alb.targetGroup(service.name).arnSuffix,
      minimumTasks: Math.min(
        service.desiredCount,
        service.scaling?.minCount ?? service.desiredCount,
      ),
    })),
    databases: resources.flatMap(({ service, database }) =>
      database
        ? [
            {
              service: service.name,
              identifier: database.identifier,
              allocatedStorageGb: env.database.allocatedStorageGb,
            },
          ]
        : [],
    ),
    tables: resources.flatMap(({ service, table }) =>
      table ? [{ service: service.name, tableName: table.module.tableName }] : [],
    ),
  };
}
