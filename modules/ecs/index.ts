export { EcsModule, type EcsModuleProps, type EcsServiceDefinition } from "./ecs-module";
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
export {
  NFS_PORT,
  SHARED_VOLUME,
  sharedStorageWiring,
  staticObjectsWiring,
  type SharedFileSystem,
  type StaticObjectsAccess,
  type StaticObjectsBucket,
} from "./storage-access";
