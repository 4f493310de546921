export { ecrRepositoryName } from "../../lib/names/ecr";
export { EcrModule, type EcrModuleProps } from "./ecr-module";
export { lifecyclePolicy } from "./lifecycle-policy";
