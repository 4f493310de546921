import type { AlbModule } from "../modules/alb";
import type { EcrModule } from "../modules/ecr";
import type { EcsServiceProps, ServiceSharedStorage } from "../modules/ecs";
import type { ImageBuildModule } from "../modules/image-build";
import type { ObservabilityModule } from "../modules/observability";
import type { SharedStorageModule } from "../modules/shared-storage";
import type { StaticObjectsModule } from "../modules/static-objects";
import { databaseConnection, tableAccess } from "./datastore-wiring";
import type { ServiceResources } from "./service-resources";

/** The environment's modules a service's ECS props are made of. */
export interface EnvironmentModules {
  readonly alb: AlbModule;
  readonly ecr: EcrModule;
  readonly images: ImageBuildModule;
  readonly observability: ObservabilityModule;
  readonly staticObjects: StaticObjectsModule;
  /** The shared file system, when a service mounts it. */
  readonly sharedStorage?: SharedStorageModule;
}

/**
 * One service as the ECS module takes it: its configuration, image, target group, data stores,
 * storage and deployment alarms, each looked up in the module that made it (a lookup that fails,
 * naming the service, when a module was not given it).
 */
export function ecsServiceProps(
  { service, database, table }: ServiceResources,
  modules: EnvironmentModules,
): EcsServiceProps {
  const { alb, ecr, images, observability, staticObjects, sharedStorage } = modules;
  const { name } = service;
  return {
    definition: service,
    image: { ...images.image(name), repositoryArn: ecr.repository(name).arn },
    targetGroup: alb.targetGroup(name),
    database: database && databaseConnection(database),
    table: table && tableAccess(table.module, table.use),
    staticObjects: service.staticObjects && {
      bucket: staticObjects,
      access: service.staticObjects,
    },
    sharedStorage:
      service.sharedStorage && mountedStorage(sharedStorage, name, service.sharedStorage.path),
    deploymentAlarmNames: observability.deploymentAlarmNames(name),
  };
}

/** The service's directory of the shared file system, mounted at `mountPath`. */
function mountedStorage(
  sharedStorage: SharedStorageModule | undefined,
  service: string,
  mountPath: string,
): ServiceSharedStorage {
  if (!sharedStorage) {
    throw new Error(
      `service "${service}" mounts shared storage, but the stack made no file system`,
    );
  }
  return { fileSystem: sharedStorage, accessPoint: sharedStorage.accessPoint(service), mountPath };
}
