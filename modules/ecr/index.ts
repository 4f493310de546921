export { ecrRepositoryName } from "../../lib/names/ecr";
export { EcrModule, type EcrModuleProps, type EcrRepositoryOutputs } from "./ecr-module";
export { lifecyclePolicy } from "./lifecycle-policy";
