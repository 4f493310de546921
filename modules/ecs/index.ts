export { EcsModule, type EcsModuleProps, type EcsServiceDefinition } from "./ecs-module";
export {
  buildContainerDefinition,
  serviceUrlVariables,
  type ContainerDefinition,
} from "./container-definition";
export { ServiceRoles, type PolicyStatement, type ServiceRolesProps } from "./service-roles";
