export { ecsNames, serviceRoleNames } from "../../lib/names/ecs";
export {
  EcsModule,
  type EcsModuleProps,
  type EcsServiceDefinition,
  type EcsServiceOutputs,
  type EcsServiceProps,
  type ServiceImage,
  type ServiceTargetGroup,
} from "./ecs-module";
export { buildContainerDefinition, type ContainerDefinition } from "./container-definition";
export { ServiceRoles, type PolicyStatement, type ServiceRolesProps } from "./service-roles";
export {
  DATABASE_SSL_MODE,
  databaseWiring,
  tableWiring,
  type DatabaseConnection,
  type DatastoreWiring,
  type TableAccess,
} from "./datastore-access";
export { NFS_PORT } from "../../lib/ports";
export type { StaticObjectAccess } from "../../lib/static-object-access";
export {
  SHARED_VOLUME,
  sharedStorageWiring,
  staticObjectsWiring,
  type ServiceSharedStorage,
  type ServiceStaticObjects,
  type SharedFileSystem,
  type StaticObjectsBucket,
} from "./storage-access";
